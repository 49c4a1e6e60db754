package io.recio.trading;

import java.time.Instant;
import java.util.List;

/** Published by the active_trade_supervisor after each pass: every live trade, valued now. */
public record ActiveTradesUpdated(List<ActiveTrade> trades, Instant at) {
}
