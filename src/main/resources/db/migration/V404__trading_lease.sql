-- The trading lease: one row per trading account (the venue recio sends orders to). Exactly one instance
-- holds it and trades; the others on the same database serve the console read-only and take over when
-- the holder stops renewing it. token is the fencing token: it grows with every new holder, and every
-- order attempt checks it (with the expiry) just before it leaves, so a holder that lost the lease while
-- paused cannot send.
CREATE TABLE trading.trading_lease (
    account      VARCHAR(128) PRIMARY KEY,
    holder       VARCHAR(64)  NOT NULL,
    holder_name  VARCHAR(300) NOT NULL,
    token        BIGINT       NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
