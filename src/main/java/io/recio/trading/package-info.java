/**
 * Trades from intent to settlement (REC.IO's trade_manager, trade_executor, active_trade_supervisor and auto_entry_supervisor): the trade lifecycle, idempotent order submission with deterministic client order ids, reconciliation with Kalshi, auto-entry, auto-stop, risk limits and the kill switch, expiry and settlement.
 */
package io.recio.trading;
