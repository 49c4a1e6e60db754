package io.recio.pricing.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.recio.ApiProblem;
import io.recio.feeds.PriceHistory;
import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.StrikeTableJson;
import io.recio.pricing.StrikeTableJson.StrikeTableWithWatchlist;
import io.recio.pricing.StrikeTableJson.WatchlistRowView;
import io.recio.pricing.StrikeTableUpdated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The strike tables, the watchlist, the model calculator and the chart's price history, under {@code /api}. */
@RestController
class PricingController {

    /** No spot or strike is anywhere near this many dollars: a bigger number is a typo, not a market. */
    static final double MAX_DOLLARS = 100_000_000;
    /** The models price events up to a day ahead; recio trades the current and next hour. */
    static final long MAX_SECONDS_TO_CLOSE = 86_400;

    private final StrikeTableCoordinator coordinator;
    private final StrikeTableBodies bodies;
    private final Models models;
    private final ObjectProvider<PriceHistory> history;
    private final Clock clock;

    PricingController(StrikeTableCoordinator coordinator, StrikeTableBodies bodies, Models models,
                      ObjectProvider<PriceHistory> history, Clock clock) {
        this.coordinator = coordinator;
        this.bodies = bodies;
        this.models = models;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A symbol's watchlist.
     *
     * @param stale the table it comes from is too old to act on
     */
    record WatchlistView(String symbol, boolean stale, List<WatchlistRowView> entries) {
    }

    /**
     * What each model says about one strike.
     *
     * @param models       P(above strike) by model name; null for a model not ready for the symbol
     * @param defaultModel the model recio trades on for this symbol
     */
    record ProbabilityView(ProbabilityInputs inputs, Map<String, Double> models,
                           @JsonProperty("default") String defaultModel) {
    }

    /** The inputs of a probability question, as read. */
    record ProbabilityInputs(String symbol, double spot, double strike, double secondsToClose, double momentumBp) {
    }

    /**
     * The chart's recent one-minute closes and the price's longer changes.
     *
     * @param points  {@code [epoch milliseconds, close in dollars]} per minute, oldest first
     */
    record PriceChartView(String symbol, List<double[]> points, PriceChanges changesPercent) {
    }

    /** % change of the live price over the last hour, 3 hours and day; null where history is missing. */
    record PriceChanges(@JsonProperty("1h") Double oneHour, @JsonProperty("3h") Double threeHours,
                        @JsonProperty("1d") Double oneDay) {
    }

    /**
     * The newest table of {@code symbol} with its watchlist; the bytes are written once per table
     * ({@link StrikeTableBodies}), and a client sending the table's ETag in {@code If-None-Match} gets 304.
     */
    @GetMapping("/api/strike_tables/{symbol}")
    @ApiResponse(responseCode = "200", description = "the table and its watchlist",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = StrikeTableWithWatchlist.class)))
    ResponseEntity<byte[]> strikeTable(@PathVariable String symbol) {
        StrikeTableBodies.Body body = bodies.of(latest(symbol));
        // private, revalidated each time: a browser may keep the table but always asks whether it is still current
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache().cachePrivate()).eTag(body.etag()).body(body.json());
    }

    @GetMapping("/api/watchlist/{symbol}")
    WatchlistView watchlist(@PathVariable String symbol) {
        StrikeTableUpdated update = latest(symbol);
        return new WatchlistView(update.table().symbol().name(), update.table().stale(),
                StrikeTableJson.watchlist(update.watchlist()));
    }

    private StrikeTableUpdated latest(String symbol) {
        Symbol s = symbol(symbol);
        return coordinator.latestUpdate(s);
    }

    @GetMapping("/api/model/probability")
    ProbabilityView probability(@RequestParam(required = false) String symbol,
                                @RequestParam(required = false) String spot,
                                @RequestParam(required = false) String strike,
                                @RequestParam(name = "seconds_to_close", required = false) String secondsToClose,
                                @RequestParam(name = "momentum_bp", required = false) String momentumBp) {
        Symbol s = symbol(required("symbol", symbol));
        double spotValue = positive("spot", spot);
        double strikeValue = positive("strike", strike);
        double seconds = number("seconds_to_close", required("seconds_to_close", secondsToClose));
        if (seconds < 0 || seconds > MAX_SECONDS_TO_CLOSE) {
            throw ApiProblem.badInput("seconds_to_close", "seconds_to_close must be 0 to " + MAX_SECONDS_TO_CLOSE
                    + ", got " + secondsToClose);
        }
        double momentum = momentumBp == null || momentumBp.isBlank() ? 0 : number("momentum_bp", momentumBp);
        if (Math.abs(momentum) > 10_000) {
            throw ApiProblem.badInput("momentum_bp", "momentum_bp must be -10000 to 10000, got " + momentumBp);
        }
        ModelInputs inputs = ModelInputs.unobserved(s, spotValue, seconds, momentum);
        Map<String, Double> results = new LinkedHashMap<>();
        for (ProbabilityModel m : models.all()) {
            results.put(m.name(), m.isReady(s) ? m.settlement(inputs).probabilityAbove(strikeValue) : null);
        }
        ProbabilityModel preferred = models.preferred(s);
        return new ProbabilityView(new ProbabilityInputs(s.name(), spotValue, strikeValue, seconds, momentum), results,
                preferred == null ? models.defaultModel() : preferred.name());
    }

    /** The last {@code minutes} of one-minute closes and the 1h/3h/1d changes (null where history is missing). */
    @GetMapping("/api/price_history/{symbol}")
    PriceChartView priceHistory(@PathVariable String symbol,
                                @RequestParam(required = false, defaultValue = "180") String minutes) {
        Symbol s = symbol(symbol);
        double m = number("minutes", minutes);
        if (m < 1 || m > 1440) {
            throw ApiProblem.badInput("minutes", "minutes must be 1 to 1440, got " + minutes);
        }
        Instant now = clock.instant();
        Instant chartFrom = now.minus(Duration.ofMinutes((long) m));
        Instant dayAgo = now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(5));
        List<double[]> points = new ArrayList<>();
        Map<Long, Double> closeByMinute = new LinkedHashMap<>();
        PriceHistory h = history.getIfAvailable();
        if (h != null) {
            h.forEachCandle(s, dayAgo, now, c -> {
                closeByMinute.put(c.start().getEpochSecond() / 60, c.close().dollars());
                if (!c.start().isBefore(chartFrom)) {
                    points.add(new double[] {c.start().toEpochMilli(), c.close().dollars()});
                }
            });
        }
        Double latest = points.isEmpty() ? null : points.get(points.size() - 1)[1];
        StrikeTableUpdated live = coordinator.latestUpdate(s);
        if (live.table().spot() != null) {
            latest = live.table().spot().dollars();
        }
        return new PriceChartView(s.name(), points, new PriceChanges(
                change(closeByMinute, now, Duration.ofHours(1), latest),
                change(closeByMinute, now, Duration.ofHours(3), latest),
                change(closeByMinute, now, Duration.ofDays(1), latest)));
    }

    private static Double change(Map<Long, Double> closes, Instant now, Duration back, Double latest) {
        if (latest == null) {
            return null;
        }
        long minute = now.minus(back).getEpochSecond() / 60;
        for (long k = 0; k <= 5; k++) {
            Double then = closes.get(minute - k);
            if (then != null && then > 0) {
                return (latest - then) / then * 100;
            }
        }
        return null;
    }

    private static Symbol symbol(String text) {
        try {
            return Symbol.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("symbol", "symbol: " + e.getMessage());
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badInput(name, name + " is missing");
        }
        return value;
    }

    private static double number(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.badInput(name, name + " '" + value + "' is not a number");
        }
    }

    private static double positive(String name, String value) {
        double v = number(name, required(name, value));
        if (v <= 0 || v > MAX_DOLLARS) {
            throw ApiProblem.badInput(name, name + " must be above 0 and at most " + (long) MAX_DOLLARS + ", got " + value);
        }
        return v;
    }
}
