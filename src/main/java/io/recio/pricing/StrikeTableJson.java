package io.recio.pricing;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.recio.feeds.PriceTick;
import io.recio.market.Price;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of strike tables and watchlists (snake_case, prices in dollars and cents, REC.IO's
 * "diff" as edge), shared by the REST API, the strike-table file and the browser push. A value not known yet (no
 * price, no model, nobody selling) is null and so left out of the JSON, never a confident 0.
 */
public final class StrikeTableJson {

    private StrikeTableJson() {
    }

    /**
     * A symbol's strike table.
     *
     * @param currentPrice  the live price in dollars (null when none is known yet)
     * @param priceAt       the second that price stands for
     * @param momentumBp    the price's weighted momentum in basis points (null when unknown)
     * @param deltasPercent the price's % change over the last {@code "1m"}, {@code "2m"} ... {@code "30m"}
     * @param model         the model that priced the rows (null when none was ready)
     * @param stale         an input is too old to trust the numbers: act on nothing in this table
     * @param current       the event closing at the next top of the hour (null when unknown)
     * @param next          the event after it (null when not listed)
     */
    public record StrikeTableView(String symbol, String computedAt, Double currentPrice, String priceAt,
                                  Double momentumBp, Map<String, Double> deltasPercent, String model, boolean stale,
                                  List<String> staleReasons, StrikeEventView current, StrikeEventView next) {
    }

    /**
     * One event of a strike table.
     *
     * @param bookAt  when its books were last seen (null when never)
     * @param strikes every strike, lowest first
     */
    public record StrikeEventView(String eventTicker, String close, long secondsToClose, String bookAt,
                                  List<StrikeRowView> strikes) {
    }

    /**
     * One strike: its probability, book in cents and edge per side after the taker fee.
     *
     * @param strike         the strike in dollars
     * @param distance       spot minus strike in dollars
     * @param probabilityYes P(yes) by the table's model (null when no model is ready)
     * @param yesAsk         null when nobody sells YES
     * @param noAsk          null when nobody sells NO
     * @param yesEdge        cents per contract buying YES at the ask (null without probability or ask)
     * @param noEdge         the same buying NO
     * @param volume         contracts traded
     * @param activeSide     the side REC.IO's table highlights: {@code yes} above spot, {@code no} below
     */
    public record StrikeRowView(String ticker, double strike, String strikeType, Double distance, Double distancePercent,
                                Double probabilityYes, double yesBid, Double yesAsk, double noBid, Double noAsk,
                                Double yesEdge, Double noEdge, double volume, String activeSide) {
    }

    /**
     * One watchlist row: a strike and side that passes the watchlist filter.
     *
     * @param probability the side's probability
     * @param ask         the side's ask in cents
     * @param edge        cents per contract after the taker fee
     */
    public record WatchlistRowView(String eventTicker, String ticker, String side, Double probability, double ask,
                                   Double edge, double volume, long secondsToClose) {
    }

    /** A strike table with its watchlist: the REST answer and the strike-table file. */
    public record StrikeTableWithWatchlist(@JsonUnwrapped StrikeTableView table, List<WatchlistRowView> watchlist) {

        public static StrikeTableWithWatchlist of(StrikeTableUpdated update) {
            return new StrikeTableWithWatchlist(StrikeTableJson.table(update.table()),
                    StrikeTableJson.watchlist(update.watchlist()));
        }
    }

    public static StrikeTableView table(StrikeTable t) {
        return new StrikeTableView(t.symbol().name(), t.computedAt().toString(),
                t.spot() == null ? null : t.spot().dollars(), t.priceAt() == null ? null : t.priceAt().toString(),
                finite(t.momentumBp()), PriceTick.labelled(t.deltasPercent()), t.model(), t.stale(), t.staleReasons(),
                t.current() == null ? null : event(t.current()), t.next() == null ? null : event(t.next()));
    }

    private static StrikeEventView event(EventTable e) {
        return new StrikeEventView(e.event().toString(), e.close().toString(), e.secondsToClose(),
                e.bookAt() == null ? null : e.bookAt().toString(), e.rows().stream().map(StrikeTableJson::row).toList());
    }

    private static StrikeRowView row(StrikeRow r) {
        return new StrikeRowView(r.ticker().toString(), r.strike().reference().dollars(), r.strike().type().wire(),
                round(r.distanceDollars(), 2), round(r.distancePercent(), 4), round(r.probabilityYes(), 6),
                cents(r.yesBid()), r.yesAskAvailable() ? cents(r.yesAsk()) : null, cents(r.noBid()),
                r.noAskAvailable() ? cents(r.noAsk()) : null,
                r.yesEdgeCents() == null ? null : round(r.yesEdgeCents(), 2),
                r.noEdgeCents() == null ? null : round(r.noEdgeCents(), 2), r.volume().units() / 100.0,
                r.activeSide().wire());
    }

    public static List<WatchlistRowView> watchlist(List<WatchlistEntry> entries) {
        return entries.stream().map(w -> new WatchlistRowView(w.event().toString(), w.ticker().toString(),
                w.side().wire(), round(w.probability(), 6), cents(w.ask()), round(w.edgeCents(), 2),
                w.volume().units() / 100.0, w.secondsToClose())).toList();
    }

    private static double cents(Price p) {
        return p.cents();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Rounded for display; NaN (no price or no model yet) becomes null, never a confident 0. */
    private static Double round(double v, int places) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
