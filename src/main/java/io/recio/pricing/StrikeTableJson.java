package io.recio.pricing;

import io.recio.market.Price;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of strike tables and watchlists (snake_case, prices in dollars and cents, REC.IO's
 * "diff" as edge), shared by the REST API, the strike-table file and the browser push.
 */
public final class StrikeTableJson {

    private StrikeTableJson() {
    }

    /** The table as a JSON tree of maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> table(StrikeTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", t.symbol().name());
        m.put("computed_at", t.computedAt().toString());
        m.put("current_price", t.spot() == null ? null : t.spot().dollars());
        m.put("price_at", t.priceAt() == null ? null : t.priceAt().toString());
        m.put("momentum_bp", finite(t.momentumBp()));
        Map<String, Object> deltas = new TreeMap<>();
        t.deltasPercent().forEach((k, v) -> deltas.put(k + "m", finite(v)));
        m.put("deltas_percent", deltas);
        m.put("model", t.model());
        m.put("stale", t.stale());
        m.put("stale_reasons", t.staleReasons());
        m.put("current", t.current() == null ? null : event(t.current()));
        m.put("next", t.next() == null ? null : event(t.next()));
        return m;
    }

    private static Map<String, Object> event(EventTable e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_ticker", e.event().toString());
        m.put("close", e.close().toString());
        m.put("seconds_to_close", e.secondsToClose());
        m.put("book_at", e.bookAt() == null ? null : e.bookAt().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrikeRow r : e.rows()) {
            rows.add(row(r));
        }
        m.put("strikes", rows);
        return m;
    }

    private static Map<String, Object> row(StrikeRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticker", r.ticker().toString());
        m.put("strike", r.strike().reference().dollars());
        m.put("strike_type", r.strike().type().wire());
        m.put("distance", round(r.distanceDollars(), 2));
        m.put("distance_percent", round(r.distancePercent(), 4));
        m.put("probability_yes", round(r.probabilityYes(), 6));
        m.put("yes_bid", cents(r.yesBid()));
        m.put("yes_ask", r.yesAskAvailable() ? cents(r.yesAsk()) : null);
        m.put("no_bid", cents(r.noBid()));
        m.put("no_ask", r.noAskAvailable() ? cents(r.noAsk()) : null);
        m.put("yes_edge", r.yesEdgeCents() == null ? null : round(r.yesEdgeCents(), 2));
        m.put("no_edge", r.noEdgeCents() == null ? null : round(r.noEdgeCents(), 2));
        m.put("volume", r.volume().units() / 100.0);
        m.put("active_side", r.activeSide().wire());
        return m;
    }

    /** The watchlist as a JSON list. */
    public static List<Map<String, Object>> watchlist(List<WatchlistEntry> entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (WatchlistEntry w : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event_ticker", w.event().toString());
            m.put("ticker", w.ticker().toString());
            m.put("side", w.side().wire());
            m.put("probability", round(w.probability(), 6));
            m.put("ask", cents(w.ask()));
            m.put("edge", round(w.edgeCents(), 2));
            m.put("volume", w.volume().units() / 100.0);
            m.put("seconds_to_close", w.secondsToClose());
            list.add(m);
        }
        return list;
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
