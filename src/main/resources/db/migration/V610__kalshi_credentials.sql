-- kalshi: the account's Kalshi API key, entered in the console or with `recio credentials set`. The key id and the
-- private key are AES-GCM encrypted with the master key (RECIO_MASTER_KEY or <data-dir>/master.key); master_key_id
-- names the master key they were sealed with, so a wrong master key is reported as such, never as a broken key.
CREATE TABLE users.kalshi_credential (
    id              SMALLINT     PRIMARY KEY CHECK (id = 1),
    environment     VARCHAR(16)  NOT NULL CHECK (environment IN ('DEMO', 'PRODUCTION')),
    key_id_sealed   VARCHAR(1024) NOT NULL,
    private_key_sealed VARCHAR(16384) NOT NULL,
    master_key_id   VARCHAR(16)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
