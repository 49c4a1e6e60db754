-- Where the last reconciliation stood in the local records (the newest fill row and the payouts so
-- far), so the next one counts exactly the cash moved since; timestamps cannot tell apart fills
-- recorded just before and just after a pass in the same instant.
ALTER TABLE trading.risk_state ADD COLUMN fill_mark BIGINT;
ALTER TABLE trading.risk_state ADD COLUMN payout_mark BIGINT;
