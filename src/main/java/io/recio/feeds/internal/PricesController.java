package io.recio.feeds.internal;

import io.recio.ApiProblem;
import io.recio.feeds.PriceTick;
import io.recio.market.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * The latest logged second of a symbol.
     *
     * @param price              the price in dollars and cents
     * @param priceUnits         the same in $0.0001 units
     * @param deltasPercent      % change over the last {@code "1m"}, {@code "2m"} ... {@code "30m"}, present
     *                           horizons only
     * @param momentum           the weighted deltas in percent (null before the first delta)
     * @param momentumBp         the same in basis points
     * @param avg60s             the trailing 60-second average in dollars and cents
     * @param ageMs              how old the source's newest message was when the second was logged
     * @param secondsSinceLogged how long ago that second was logged
     * @param stale              the source was quiet too long, or nothing was logged for that long
     */
    record PriceView(String symbol, String at, String price, long priceUnits, Map<String, Double> deltasPercent,
                     Double momentum, Double momentumBp, @JsonProperty("avg_60s") String avg60s, String source,
                     long ageMs, long secondsSinceLogged, boolean stale) {
    }

    /** REC.IO's momentum answer: the weighted deltas of the latest second and the deltas they weigh. */
    record MomentumView(String symbol, String at, Double momentum, Double momentumBp, Map<String, Double> deltasPercent,
                        String source) {
    }

    /**
     * Logged prices in a range.
     *
     * @param resolution {@code "1s"} (every logged second) up to 6 hours, else {@code "1m"} (the last second of
     *                   each minute)
     */
    record PriceHistoryView(String symbol, String from, String to, String resolution, List<PricePoint> points) {
    }

    /**
     * One logged second.
     *
     * @param price the price in dollars with 4 decimals
     */
    record PricePoint(String at, String price) {

        static PricePoint of(Instant at, long units) {
            return new PricePoint(at.toString(), java.math.BigDecimal.valueOf(units, 4).toPlainString());
        }
    }

    @GetMapping("/api/prices/{symbol}")
    PriceView latest(@PathVariable String symbol) {
        return describe(latestTick(symbol(symbol)));
    }

    @GetMapping("/api/btc_price")
    PriceView btcPrice() {
        return describe(latestTick(Symbol.BTC));
    }

    @GetMapping("/api/momentum")
    MomentumView momentum(@RequestParam(defaultValue = "BTC") String symbol) {
        PriceTick tick = latestTick(symbol(symbol));
        return new MomentumView(tick.symbol().name(), tick.at().toString(), finite(tick.momentum()),
                finite(tick.momentumBasisPoints()), PriceTick.labelled(tick.deltasPercent()), tick.source());
    }

    @GetMapping("/api/prices/{symbol}/history")
    PriceHistoryView history(@PathVariable String symbol, @RequestParam(required = false) String from,
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
        List<PricePoint> points = new ArrayList<>();
        if (seconds) {
            rows.forEach(s, start, end, p -> points.add(PricePoint.of(p.at(), p.priceUnits())));
        } else {
            // One point per minute: the last logged second of each minute, streamed, so memory stays small.
            long[] minute = {Long.MIN_VALUE};
            PriceTickRows.Point[] last = {null};
            rows.forEach(s, start, end, p -> {
                long m = p.at().truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
                if (last[0] != null && m != minute[0]) {
                    points.add(PricePoint.of(last[0].at(), last[0].priceUnits()));
                }
                minute[0] = m;
                last[0] = p;
            });
            if (last[0] != null) {
                points.add(PricePoint.of(last[0].at(), last[0].priceUnits()));
            }
        }
        return new PriceHistoryView(s.name(), start.toString(), end.toString(), seconds ? "1s" : "1m", points);
    }

    private PriceTick latestTick(Symbol symbol) {
        if (!priceLog.symbols().contains(symbol)) {
            throw ApiProblem.badInput("symbol", "symbol " + symbol + " is not watched (recio.feeds.symbols)");
        }
        return priceLog.latest(symbol).orElseThrow(() -> ApiProblem.unavailable("no_price", "no " + symbol + " price has been logged yet"));
    }

    private PriceView describe(PriceTick tick) {
        Instant now = clock.instant();
        Duration sinceLogged = Duration.between(tick.at(), now);
        // Stale: the source's newest message was old when logged, or nothing has been logged for a while.
        boolean stale = tick.isStale(properties.staleAfter()) || sinceLogged.compareTo(properties.staleAfter()) > 0;
        return new PriceView(tick.symbol().name(), tick.at().toString(), tick.price().toDollars(2),
                tick.price().units(), PriceTick.labelled(tick.deltasPercent()), finite(tick.momentum()),
                finite(tick.momentumBasisPoints()), tick.average60s().toDollars(2), tick.source(), tick.age().toMillis(),
                Math.max(0, sinceLogged.toSeconds()), stale);
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
