package io.recio.trading;

import io.recio.market.Money;
import java.time.Instant;
import java.util.List;

/**
 * What a filtered set of trades came to: counts, win rate, PnL before and after fees, the averages at entry, the
 * equity curve and the results grouped three ways. Only finished trades (with a PnL) count in results.
 *
 * @param trades          trades matching the filter, finished or not
 * @param finished        of them, those with a final PnL
 * @param wins            finished with a positive PnL
 * @param winRate         wins / finished (null when none finished)
 * @param grossPnl        PnL before fees of the finished trades
 * @param fees            fees paid by the finished trades
 * @param netPnl          PnL after fees of the finished trades
 * @param averageEdge     the mean edge per contract at entry (null when none was recorded)
 * @param averageProbability the mean probability of the held side at entry, 0..1 (null when none was recorded)
 * @param equity          the cumulative net PnL after each finished trade, in closing order
 * @param byEntryMethod   results by manual, auto, external entry
 * @param byProbability   results by the probability at entry
 * @param byMinutesToClose results by how long before the close the trade was entered
 */
public record TradeSummary(long trades, long finished, long wins, Double winRate, Money grossPnl, Money fees,
                           Money netPnl, Money averageEdge, Double averageProbability, List<EquityPoint> equity,
                           List<Group> byEntryMethod, List<Group> byProbability, List<Group> byMinutesToClose) {

    /**
     * The cumulative net PnL just after one trade finished.
     *
     * @param at         when the trade finished
     * @param tradeId    which trade
     * @param cumulative the running total of net PnL
     */
    public record EquityPoint(Instant at, long tradeId, Money cumulative) {
    }

    /**
     * The finished trades of one group.
     *
     * @param label    what the group is ("AUTO", "95–98 %", "2–5 min")
     * @param finished finished trades in it
     * @param wins     of them with a positive PnL
     * @param winRate  wins / finished (null when empty)
     * @param netPnl   their PnL after fees
     */
    public record Group(String label, long finished, long wins, Double winRate, Money netPnl) {
    }
}
