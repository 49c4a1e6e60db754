package io.recio.pricing.internal.eval;

import io.recio.pricing.ModelInputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded Kalshi prices of settled contracts with the spot beside them, for scoring the market against the models.
 * Read from the Kalshi crypto 15-minute book snapshots (JSON lines of {@code ticker, ts, mid, spot}; CC BY 4.0,
 * Johnny-God/kalshi-crypto-15m-dataset): the strike of a 15-minute up/down contract is the spot at the window's
 * open and its result the mean spot over the last 60 seconds, both from the snapshots' own spot (taken within
 * {@link #TOLERANCE_SECONDS} when no snapshot falls exactly there); contracts without either are left out.
 */
public final class MarketHistory {

    /** How far from the open or the close a snapshot may be to stand for the index there. */
    public static final long TOLERANCE_SECONDS = 90;
    private static final Pattern FIFTEEN_MINUTE = Pattern.compile("^KX[A-Z]+15M-(\\d{2}[A-Z]{3}\\d{2})(\\d{4})-\\d{2}$");
    private static final DateTimeFormatter TICKER_TIME = DateTimeFormatter.ofPattern("yyMMMddHHmm", Locale.ROOT);
    private static final ZoneId KALSHI_ZONE = ZoneId.of("America/New_York");

    /** One recorded price of a contract: its YES mid at {@code at}, with the spot then. */
    public record Quote(Instant at, double yesMid, double spot) {
    }

    /** A settled contract with its recorded quotes, oldest first. */
    public record Contract(String ticker, Instant close, double strike, boolean yes, List<Quote> quotes) {
    }

    /** The contracts (in close order) and every spot price seen, by time. */
    public record Data(List<Contract> contracts, TreeMap<Instant, Double> spot, int tickers) {
    }

    private MarketHistory() {
    }

    /** The close time of a Kalshi 15-minute crypto ticker (e.g. KXETH15M-26AUG170145-45 closes 01:45 New York time). */
    static Instant fifteenMinuteClose(String ticker) {
        Matcher m = FIFTEEN_MINUTE.matcher(ticker);
        if (!m.matches()) {
            throw new IllegalArgumentException("ticker '" + ticker + "' is not a 15-minute crypto ticker like "
                    + "KXETH15M-26AUG170145-45");
        }
        String text = m.group(1).substring(0, 2) + m.group(1).charAt(2) + m.group(1).substring(3, 5).toLowerCase(Locale.ROOT)
                + m.group(1).substring(5) + m.group(2);
        return LocalDateTime.parse(text, TICKER_TIME).atZone(KALSHI_ZONE).toInstant();
    }

    /** Reads a snapshot file (JSON lines, .gz fine); a bad line is refused naming it. */
    public static Data readSnapshots(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a readable file");
        }
        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<Quote>> byTicker = new LinkedHashMap<>();
        TreeMap<Instant, Double> spot = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = json.readTree(line);
                    String ticker = n.required("ticker").asString();
                    double ts = n.required("ts").asDouble();
                    Instant at = Instant.ofEpochSecond((long) Math.floor(ts), Math.round((ts - Math.floor(ts)) * 1e9));
                    double mid = n.required("mid").asDouble();
                    double s = n.required("spot").asDouble();
                    if (!(s > 0) || !(mid >= 0 && mid <= 1)) {
                        throw new IllegalArgumentException("spot must be positive and mid within 0..1");
                    }
                    byTicker.computeIfAbsent(ticker, t -> new ArrayList<>()).add(new Quote(at, mid, s));
                    spot.put(at, s);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage()
                            + "; expected a JSON object with ticker, ts, mid and spot");
                }
            }
        }
        List<Contract> contracts = new ArrayList<>();
        for (Map.Entry<String, List<Quote>> e : byTicker.entrySet()) {
            Instant close = fifteenMinuteClose(e.getKey());
            Double strike = near(spot, close.minusSeconds(900));
            Double settle = average(spot, close.minusSeconds(ModelInputs.SETTLEMENT_WINDOW_SECONDS), close);
            if (settle == null) {
                settle = near(spot, close);
            }
            if (strike == null || settle == null) {
                continue;
            }
            List<Quote> before = e.getValue().stream().filter(q -> q.at().isBefore(close)).sorted(
                    java.util.Comparator.comparing(Quote::at)).toList();
            if (!before.isEmpty()) {
                contracts.add(new Contract(e.getKey(), close, strike, settle > strike, before));
            }
        }
        contracts.sort(java.util.Comparator.comparing(Contract::close));
        return new Data(contracts, spot, byTicker.size());
    }

    private static Double near(TreeMap<Instant, Double> spot, Instant at) {
        Map.Entry<Instant, Double> lo = spot.floorEntry(at);
        Map.Entry<Instant, Double> hi = spot.ceilingEntry(at);
        Map.Entry<Instant, Double> best = lo == null ? hi : hi == null ? lo
                : java.time.Duration.between(lo.getKey(), at).compareTo(java.time.Duration.between(at, hi.getKey())) <= 0 ? lo : hi;
        if (best == null || Math.abs(java.time.Duration.between(best.getKey(), at).toSeconds()) > TOLERANCE_SECONDS) {
            return null;
        }
        return best.getValue();
    }

    private static Double average(TreeMap<Instant, Double> spot, Instant from, Instant to) {
        var window = spot.subMap(from, true, to, true);
        return window.isEmpty() ? null : window.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

}
