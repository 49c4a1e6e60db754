-- ops: an alert channel's secret (webhook URL, Twilio auth token, Telegram bot token) is stored sealed with the master
-- key (AES-256-GCM, as the Kalshi key), with the id of the key that sealed it. The plain column stays only until
-- recio's next start seals what an older version wrote there and empties it; nothing writes to it any more.
-- 4096 holds the Base64 of a 1000-character secret in UTF-8 with its nonce and tag.
ALTER TABLE system.alert_channel_setting ADD COLUMN secret_sealed VARCHAR(4096);
ALTER TABLE system.alert_channel_setting ADD COLUMN secret_key_id VARCHAR(16);
