-- The Idempotency-Key of each manual entry (POST /api/trades), written in the transaction that records
-- the trade: a repeat of the same key by the same user within the window answers that trade instead of
-- sending a second order (a double click, a retried request).
CREATE TABLE trading.idempotency_key (
    user_id     VARCHAR(64)  NOT NULL,
    request_key VARCHAR(128) NOT NULL,
    trade_id    BIGINT       NOT NULL REFERENCES trading.trade (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, request_key)
);
