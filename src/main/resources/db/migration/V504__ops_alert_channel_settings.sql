-- ops: alert channels as the admin set them in the System page; a row replaces the channel's recio.ops.alerts.*
-- keys. The secret (webhook URL, Twilio auth token, Telegram bot token) is never sent back to a browser.
CREATE TABLE system.alert_channel_setting (
    channel      VARCHAR(32)  PRIMARY KEY,
    enabled      BOOLEAN      NOT NULL,
    target       VARCHAR(500),
    sender       VARCHAR(200),
    account      VARCHAR(200),
    secret       VARCHAR(1000),
    min_severity VARCHAR(10)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100) NOT NULL
);
