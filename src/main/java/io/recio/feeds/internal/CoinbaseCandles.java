package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coinbase Exchange's public candles endpoint ({@code GET /products/{id}/candles?granularity=60&start&end},
 * {@code reference/coinbase-ws.md} §1.7): pages of at most 300 one-minute buckets, requests paced below the
 * public rate limit, HTTP 429 and 5xx retried with back-off. Buckets come as {@code [time, low, high, open,
 * close, volume]} (low before high, not OHLC), newest first, and minutes without trades are simply missing.
 */
public final class CoinbaseCandles {

    /** Buckets per request; Coinbase rejects a range that needs more. */
    static final int PAGE_MINUTES = 300;
    private static final int MAX_ATTEMPTS = 5;

    /** One page's good candles and the buckets that could not be read. */
    public record Page(List<CandleRow> candles, int badBuckets) {
    }

    private final URI base;
    private final HttpClient http;
    private final long minIntervalMillis;
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private long lastRequestNanos;

    public CoinbaseCandles(URI base, int requestsPerSecond) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.minIntervalMillis = 1000L / requestsPerSecond;
    }

    /** How many requests fetching [from, to) takes. */
    public static long pages(Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        return (minutes + PAGE_MINUTES - 1) / PAGE_MINUTES;
    }

    /** Fetches every one-minute candle of {@code symbol} in [from, to), page by page, oldest page first. */
    public void fetch(Symbol symbol, Instant from, Instant to, Consumer<Page> sink) throws IOException, InterruptedException {
        Instant start = from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        while (start.isBefore(to)) {
            Instant end = start.plus(Duration.ofMinutes(PAGE_MINUTES));
            if (end.isAfter(to)) {
                end = to;
            }
            sink.accept(page(symbol, start, end));
            start = end;
        }
    }

    /** One request for the buckets in [start, end) (at most 300 minutes). */
    public Page page(Symbol symbol, Instant start, Instant end) throws IOException, InterruptedException {
        // Coinbase's end is inclusive: ask up to the last minute of the page so it never spans 301 buckets.
        Instant lastMinute = end.minusSeconds(60);
        URI uri = base.resolve("/products/" + symbol.coinbaseProduct() + "/candles?granularity=60&start="
                + start + "&end=" + lastMinute);
        String body = get(uri);
        return parse(symbol, body, start, end);
    }

    private String get(URI uri) throws IOException, InterruptedException {
        long backOff = 1000;
        for (int attempt = 1; ; attempt++) {
            pace();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").header("User-Agent", "recio").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if ((status == 429 || status >= 500) && attempt < MAX_ATTEMPTS) {
                Thread.sleep(backOff);
                backOff *= 2;
                continue;
            }
            throw new IOException("Coinbase candles " + uri + " answered HTTP " + status + ": " + abbreviate(response.body()));
        }
    }

    private void pace() throws InterruptedException {
        long now = System.nanoTime();
        long wait = minIntervalMillis - (now - lastRequestNanos) / 1_000_000;
        if (lastRequestNanos != 0 && wait > 0) {
            Thread.sleep(wait);
        }
        lastRequestNanos = System.nanoTime();
    }

    /** Parses a candles answer, keeping the buckets in [start, end), oldest first. */
    Page parse(Symbol symbol, String body, Instant start, Instant end) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IOException("Coinbase candles answer is not JSON: " + abbreviate(body));
        }
        if (root == null || !root.isArray()) {
            throw new IOException("Coinbase candles answer is not an array: " + abbreviate(body));
        }
        List<CandleRow> rows = new ArrayList<>();
        int bad = 0;
        for (JsonNode bucket : root) {
            try {
                CandleRow row = bucket(symbol, bucket);
                if (!row.candle().start().isBefore(start) && row.candle().start().isBefore(end)) {
                    rows.add(row);
                }
            } catch (RuntimeException e) {
                bad++;
            }
        }
        rows.sort(Comparator.comparing(r -> r.candle().start()));
        return new Page(List.copyOf(rows), bad);
    }

    private static CandleRow bucket(Symbol symbol, JsonNode b) {
        if (!b.isArray() || b.size() < 5) {
            throw new IllegalArgumentException("bucket is not [time, low, high, open, close, volume]");
        }
        long time = decimal(b.get(0)).longValueExact();
        SpotPrice low = price(b.get(1));
        SpotPrice high = price(b.get(2));
        SpotPrice open = price(b.get(3));
        SpotPrice close = price(b.get(4));
        if (time % 60 != 0 || low.compareTo(high) > 0 || open.compareTo(low) < 0 || open.compareTo(high) > 0
                || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("inconsistent bucket " + b);
        }
        BigDecimal volume = b.size() > 5 ? decimal(b.get(5)).setScale(8, RoundingMode.HALF_UP) : null;
        return new CandleRow(new Candle(symbol, Instant.ofEpochSecond(time), open, high, low, close, "coinbase"), volume);
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null) {
            throw new IllegalArgumentException("missing value");
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isString()) {
            return new BigDecimal(n.stringValue());
        }
        throw new IllegalArgumentException("not a number: " + n);
    }

    private static SpotPrice price(JsonNode n) {
        BigDecimal value = decimal(n);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("price " + value + " is not positive");
        }
        return new SpotPrice(value.setScale(SpotPrice.SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
