-- pricing: the model tables (analytics schema). Runs unchanged on PostgreSQL and H2 (PostgreSQL mode).

CREATE SCHEMA IF NOT EXISTS analytics;

-- The last model build of each symbol: the history it came from and the volatility model's fit.
CREATE TABLE analytics.model_build (
    symbol           VARCHAR(8) PRIMARY KEY,
    built_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    history_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    history_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    candles          BIGINT           NOT NULL,
    yearly_decay     DOUBLE PRECISION NOT NULL,
    min_samples      INT              NOT NULL,
    sigma_per_second DOUBLE PRECISION,
    student_t_nu     DOUBLE PRECISION,
    CONSTRAINT model_build_symbol_known CHECK (symbol IN ('BTC', 'ETH'))
);

-- The empirical fingerprint: one row per (symbol, horizon, momentum bucket), the sorted % moves as
-- big-endian float32 and their prefix weights as big-endian float64 (samples + 1 of them).
CREATE TABLE analytics.fingerprint_cell (
    symbol             VARCHAR(8) NOT NULL,
    horizon_minutes    INT        NOT NULL,
    bucket             INT        NOT NULL,
    pooled_from        INT        NOT NULL,
    pooled_to          INT        NOT NULL,
    samples            INT        NOT NULL,
    returns_percent    BYTEA      NOT NULL,
    cumulative_weights BYTEA      NOT NULL,
    PRIMARY KEY (symbol, horizon_minutes, bucket),
    CONSTRAINT fingerprint_cell_horizon CHECK (horizon_minutes BETWEEN 1 AND 60),
    CONSTRAINT fingerprint_cell_bucket CHECK (bucket BETWEEN -30 AND 30 AND pooled_from <= bucket AND bucket <= pooled_to)
);
