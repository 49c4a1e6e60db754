-- pricing: the HAR volatility model's weights of the trailing 15, 60, 360 and 1440-minute realised variances,
-- fitted by the model build beside the volatility fit (null when the history was too short to fit them).
ALTER TABLE analytics.model_build ADD COLUMN har_weight_15m DOUBLE PRECISION;
ALTER TABLE analytics.model_build ADD COLUMN har_weight_60m DOUBLE PRECISION;
ALTER TABLE analytics.model_build ADD COLUMN har_weight_360m DOUBLE PRECISION;
ALTER TABLE analytics.model_build ADD COLUMN har_weight_1440m DOUBLE PRECISION;
