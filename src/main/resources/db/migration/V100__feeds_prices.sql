-- Feeds: the one-second price log (live_data) and the one-minute candle history (historical_data).
-- Prices are SpotPrice units ($0.0001) as BIGINT; deltas and momentum are percentages (doubles are fine:
-- they are model inputs, never money). Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

CREATE SCHEMA IF NOT EXISTS live_data;
CREATE SCHEMA IF NOT EXISTS historical_data;

-- One row per symbol per logged second; a second without a fresh price has no row (a gap stays a gap).
-- A delta column is NULL when the log does not reach back that far; momentum is NULL when no delta exists.
CREATE TABLE live_data.price_tick (
    symbol      VARCHAR(8)   NOT NULL,
    at_second   TIMESTAMP WITH TIME ZONE NOT NULL,
    price       BIGINT       NOT NULL,
    delta_1m    DOUBLE PRECISION,
    delta_2m    DOUBLE PRECISION,
    delta_3m    DOUBLE PRECISION,
    delta_4m    DOUBLE PRECISION,
    delta_15m   DOUBLE PRECISION,
    delta_30m   DOUBLE PRECISION,
    momentum    DOUBLE PRECISION,
    avg_1m      BIGINT       NOT NULL,
    avg_60s     BIGINT       NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    age_ms      BIGINT       NOT NULL,
    CONSTRAINT price_tick_pk PRIMARY KEY (symbol, at_second),
    CONSTRAINT price_tick_price_positive CHECK (price > 0)
);
-- The retention job deletes by time across symbols.
CREATE INDEX price_tick_by_second ON live_data.price_tick (at_second);

-- One-minute candles from files, Coinbase's REST candles or the demo simulator; re-imports skip existing minutes.
CREATE TABLE historical_data.candle_1m (
    symbol       VARCHAR(8)   NOT NULL,
    minute_start TIMESTAMP WITH TIME ZONE NOT NULL,
    open         BIGINT       NOT NULL,
    high         BIGINT       NOT NULL,
    low          BIGINT       NOT NULL,
    close        BIGINT       NOT NULL,
    volume       DECIMAL(28, 8),
    source       VARCHAR(128) NOT NULL,
    CONSTRAINT candle_1m_pk PRIMARY KEY (symbol, minute_start),
    CONSTRAINT candle_1m_prices_positive CHECK (open > 0 AND high > 0 AND low > 0 AND close > 0),
    CONSTRAINT candle_1m_range CHECK (low <= high)
);
