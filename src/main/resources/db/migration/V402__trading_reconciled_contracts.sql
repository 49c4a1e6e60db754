-- Contracts a trade no longer holds because reconciliation found the venue without them. They count as
-- closed (closed_contracts includes them) but at no price, so the trade keeps what it bought and at what
-- price (contracts, entry_price) and its record says how it ended, instead of being rewritten to zero.
ALTER TABLE trading.trade ADD COLUMN reconciled_contracts BIGINT NOT NULL DEFAULT 0;
