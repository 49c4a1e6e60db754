package io.recio.feeds.internal;

import io.recio.ApiProblem;
import io.recio.feeds.PriceTick;
import io.recio.market.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The price API: the latest logged second of a symbol with its deltas, momentum, source and staleness, the
 * logged history for charts, and REC.IO's {@code /api/btc_price} and {@code /api/momentum} as aliases.
 */
@RestController
class PricesController {

    /** The longest history one request may ask for. */
    static final Duration MAX_SPAN = Duration.ofDays(7);
    /** Up to this span history comes in seconds; beyond it, one point per minute (the last second of each). */
    static final Duration SECONDS_SPAN = Duration.ofHours(6);

    private final PriceLog priceLog;
    private final PriceTickRows rows;
    private final FeedsProperties properties;
    private final Clock clock;

    PricesController(PriceLog priceLog, PriceTickRows rows, FeedsProperties properties, Clock clock) {
        this.priceLog = priceLog;
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/prices/{symbol}")
    Map<String, Object> latest(@PathVariable String symbol) {
        return describe(latestTick(symbol(symbol)));
    }

    @GetMapping("/api/btc_price")
    Map<String, Object> btcPrice() {
        return describe(latestTick(Symbol.BTC));
    }

    @GetMapping("/api/momentum")
    Map<String, Object> momentum(@RequestParam(defaultValue = "BTC") String symbol) {
        PriceTick tick = latestTick(symbol(symbol));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", tick.symbol().name());
        body.put("at", tick.at().toString());
        body.put("momentum", finite(tick.momentum()));
        body.put("momentum_bp", finite(tick.momentumBasisPoints()));
        body.put("deltas_percent", deltas(tick));
        body.put("source", tick.source());
        return body;
    }

    @GetMapping("/api/prices/{symbol}/history")
    Map<String, Object> history(@PathVariable String symbol, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        Symbol s = symbol(symbol);
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ApiProblem.badInput("from", "from " + start + " must be before to " + end);
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiProblem.badInput("to", "from " + start + " to " + end + " spans more than 7 days; ask for 7 days or less");
        }
        boolean seconds = Duration.between(start, end).compareTo(SECONDS_SPAN) <= 0;
        List<Map<String, Object>> points = new ArrayList<>();
        if (seconds) {
            rows.forEach(s, start, end, p -> points.add(point(p.at(), p.priceUnits())));
        } else {
            // One point per minute: the last logged second of each minute, streamed, so memory stays small.
            long[] minute = {Long.MIN_VALUE};
            PriceTickRows.Point[] last = {null};
            rows.forEach(s, start, end, p -> {
                long m = p.at().truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
                if (last[0] != null && m != minute[0]) {
                    points.add(point(last[0].at(), last[0].priceUnits()));
                }
                minute[0] = m;
                last[0] = p;
            });
            if (last[0] != null) {
                points.add(point(last[0].at(), last[0].priceUnits()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", s.name());
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.put("resolution", seconds ? "1s" : "1m");
        body.put("points", points);
        return body;
    }

    private static Map<String, Object> point(Instant at, long units) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", at.toString());
        p.put("price", java.math.BigDecimal.valueOf(units, 4).toPlainString());
        return p;
    }

    private PriceTick latestTick(Symbol symbol) {
        if (!priceLog.symbols().contains(symbol)) {
            throw ApiProblem.badInput("symbol", "symbol " + symbol + " is not watched (recio.feeds.symbols)");
        }
        return priceLog.latest(symbol).orElseThrow(() -> ApiProblem.unavailable("no_price", "no " + symbol + " price has been logged yet"));
    }

    private Map<String, Object> describe(PriceTick tick) {
        Instant now = clock.instant();
        Duration sinceLogged = Duration.between(tick.at(), now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", tick.symbol().name());
        body.put("at", tick.at().toString());
        body.put("price", tick.price().toDollars(2));
        body.put("price_units", tick.price().units());
        body.put("deltas_percent", deltas(tick));
        body.put("momentum", finite(tick.momentum()));
        body.put("momentum_bp", finite(tick.momentumBasisPoints()));
        body.put("avg_60s", tick.average60s().toDollars(2));
        body.put("source", tick.source());
        body.put("age_ms", tick.age().toMillis());
        body.put("seconds_since_logged", Math.max(0, sinceLogged.toSeconds()));
        // Stale: the source's newest message was old when logged, or nothing has been logged for a while.
        body.put("stale", tick.isStale(properties.staleAfter()) || sinceLogged.compareTo(properties.staleAfter()) > 0);
        return body;
    }

    private static Map<String, Double> deltas(PriceTick tick) {
        // Keyed "1m", "15m" ... as the strike table keys them; in order of minutes.
        Map<String, Double> deltas = new LinkedHashMap<>();
        new TreeMap<>(tick.deltasPercent()).forEach((minutes, value) -> deltas.put(minutes + "m", value));
        return deltas;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Symbol symbol(String text) {
        try {
            return Symbol.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("symbol", e.getMessage());
        }
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(name, name + " '" + text + "' is not an ISO-8601 instant such as 2026-01-02T03:04:05Z");
        }
    }
}
