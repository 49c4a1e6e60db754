package io.recio.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One stored backtest as the console lists it: what was replayed, with which settings, and its headline figures.
 *
 * @param id          the run's directory under the data directory's {@code backtests/}
 * @param symbol      BTC or ETH
 * @param from        first instant of the period
 * @param to          instant after the period
 * @param createdAt   when the run was made
 * @param settings    the settings that differ from the demo's defaults, as {@code key=value} (empty: the defaults)
 * @param trades      trades that filled
 * @param netPnl      net PnL in dollars after fees
 * @param winRate     share of trades that made money, 0..1 (null without trades)
 * @param brier       the model's Brier score over the period (null without forecasts)
 * @param hoursTraded whole hours replayed
 * @param history     where the one-minute history came from
 */
public record BacktestRun(String id, String symbol, Instant from, Instant to, Instant createdAt, String settings,
                          int trades, BigDecimal netPnl, Double winRate, Double brier, int hoursTraded,
                          String history) {
}
