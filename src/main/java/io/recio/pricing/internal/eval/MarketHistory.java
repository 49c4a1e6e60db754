package io.recio.pricing.internal.eval;

import io.recio.feeds.HistoryFile;
import io.recio.kalshi.RecordedQuotes;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.internal.model.MinuteSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Recorded Kalshi prices of settled contracts with the spot beside them, for scoring the market against the models:
 * an imported file of ticker, time, yes price and result with a spot history ({@link #readQuotes}), recio's own recorded
 * quotes with the spot it logged ({@link Recorded}), or the Kalshi crypto 15-minute book snapshots (JSON lines of {@code ticker, ts, mid, spot}; CC BY 4.0,
 * Johnny-God/kalshi-crypto-15m-dataset): the strike of a 15-minute up/down contract is the spot at the window's
 * open and its result the mean spot over the last 60 seconds, both from the snapshots' own spot (taken within
 * {@link #TOLERANCE_SECONDS} when no snapshot falls exactly there); contracts without either are left out.
 */
public final class MarketHistory {

    /** How far from the open or the close a snapshot may be to stand for the index there. */
    public static final long TOLERANCE_SECONDS = 90;
    private static final Pattern FIFTEEN_MINUTE = Pattern.compile("^KX[A-Z]+15M-(\\d{2}[A-Z]{3}\\d{2})(\\d{4})-\\d{2}$");
    private static final DateTimeFormatter TICKER_TIME = DateTimeFormatter.ofPattern("yyMMMddHHmm", Locale.ROOT);
    private static final String QUOTE_COLUMNS = "ticker,time,yes_price,result (yes/no)";
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

    /**
     * Reads an imported market history: a CSV (.gz fine) with a header naming {@code ticker}, {@code time} (unix
     * or ISO), {@code yes_price} (dollars 0..1, or cents above 1) and {@code result} (yes/no), one recorded price a
     * row, and the spot history beside it (a one-minute {@link HistoryFile}). An hourly threshold ticker
     * (KXBTCD-26SEP2516-T92799.99) gives its own close and strike; a 15-minute ticker its close, and its strike is the
     * spot at the window's open. Range (B) markets are left out; a bad row refuses the file naming the line.
     */
    public static Data readQuotes(Path file, Path spotFile) throws IOException {
        TreeMap<Instant, Double> spot = new TreeMap<>();
        HistoryFile.read(spotFile, HistoryFile.Mode.STRICT, 60,
                bar -> spot.put(bar.start().plusSeconds(60), bar.close().dollars()), bytes -> { });
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a readable file");
        }
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty; expected " + QUOTE_COLUMNS);
            }
            List<String> names = java.util.Arrays.stream(header.split(",", -1))
                    .map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
            int[] at = {names.indexOf("ticker"), names.indexOf("time"), names.indexOf("yes_price"), names.indexOf("result")};
            if (java.util.Arrays.stream(at).anyMatch(i -> i < 0)) {
                throw new IllegalArgumentException(file + " line 1: header '" + header + "'; expected " + QUOTE_COLUMNS);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < names.size()) {
                    throw new IllegalArgumentException(file + " line " + number + ": has " + f.length
                            + " fields; expected " + QUOTE_COLUMNS);
                }
                rows.computeIfAbsent(f[at[0]].trim(), t -> new ArrayList<>()).add(new String[]{f[at[1]].trim(),
                        f[at[2]].trim(), f[at[3]].trim(), Integer.toString(number)});
            }
        }
        List<Contract> contracts = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            String ticker = e.getKey();
            Instant close;
            Double strike;
            if (FIFTEEN_MINUTE.matcher(ticker).matches()) {
                close = fifteenMinuteClose(ticker);
                strike = near(spot, close.minusSeconds(900));
            } else {
                MarketTicker market;
                try {
                    market = MarketTicker.parse(ticker);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(file + " line " + e.getValue().getFirst()[3] + ": " + ex.getMessage());
                }
                if (!market.strikeToken().startsWith("T")) {
                    continue;
                }
                close = market.event().close();
                strike = market.tokenValue().dollars();
            }
            if (strike == null) {
                continue;
            }
            List<Quote> quotes = new ArrayList<>();
            Boolean yes = null;
            for (String[] r : e.getValue()) {
                try {
                    Instant t = HistoryFile.timestamp(r[0]);
                    double price = Double.parseDouble(r[1]);
                    double mid = price > 1 ? price / 100 : price;
                    if (!(mid >= 0 && mid <= 1)) {
                        throw new IllegalArgumentException("yes_price " + r[1] + " is not a price");
                    }
                    if (!r[2].equalsIgnoreCase("yes") && !r[2].equalsIgnoreCase("no")) {
                        throw new IllegalArgumentException("result '" + r[2] + "' is not yes or no");
                    }
                    yes = r[2].equalsIgnoreCase("yes");
                    Quote q = quote(spot, t, mid, close);
                    if (q != null) {
                        quotes.add(q);
                    }
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException(file + " line " + r[3] + ": " + ex.getMessage() + "; expected "
                            + QUOTE_COLUMNS);
                }
            }
            if (!quotes.isEmpty()) {
                quotes.sort(java.util.Comparator.comparing(Quote::at));
                contracts.add(new Contract(ticker, close, strike, yes, List.copyOf(quotes)));
            }
        }
        contracts.sort(java.util.Comparator.comparing(Contract::close));
        return new Data(contracts, spot, rows.size());
    }

    /**
     * recio's own recorded quotes of hourly threshold markets ({@code live_data.market_quote}) with the one-minute
     * spot beside them (the history and the price log), collected as they stream: the YES mid where both sides are
     * quoted, one a market a minute (the first), in the hour before the close; the strike from the ticker; the result
     * from the spot: YES when the mean of the open and close of the final minute (the 60-second average Kalshi
     * settles on, approximated as the walk-forward evaluation approximates it) is above the strike. Range markets,
     * and markets whose final minute the spot does not hold (not settled yet, or a gap), are left out.
     */
    public static final class Recorded {
        private final Map<MarketTicker, List<RecordedQuotes.Quote>> byTicker = new LinkedHashMap<>();
        private final Map<MarketTicker, Instant> lastMinute = new HashMap<>();

        /** Keeps the quote when it is the first of its market's minute, two-sided, within the hour before the close. */
        public void add(RecordedQuotes.Quote q) {
            Instant close = q.ticker().event().close();
            Instant minute = q.at().truncatedTo(ChronoUnit.MINUTES);
            if (!q.ticker().strikeToken().startsWith("T") || q.yesBid().units() == 0
                    || q.yesAsk().units() == Price.ONE_DOLLAR || !q.at().isBefore(close)
                    || q.at().isBefore(close.minus(Duration.ofHours(1))) || minute.equals(lastMinute.get(q.ticker()))) {
                return;
            }
            lastMinute.put(q.ticker(), minute);
            byTicker.computeIfAbsent(q.ticker(), t -> new ArrayList<>()).add(q);
        }

        /** The settled contracts, with the spot of {@code minutes} beside each quote and deciding each result. */
        public Data build(MinuteSeries minutes) {
            TreeMap<Instant, Double> spot = new TreeMap<>();
            for (int i = 0; i < minutes.size(); i++) {
                if (!Double.isNaN(minutes.close(i))) {
                    spot.put(minutes.minute(i + 1), minutes.close(i));
                }
            }
            List<Contract> contracts = new ArrayList<>();
            for (Map.Entry<MarketTicker, List<RecordedQuotes.Quote>> e : byTicker.entrySet()) {
                Instant close = e.getKey().event().close();
                int last = (int) minutes.indexOf(close) - 1;
                double settle = (minutes.open(last) + minutes.close(last)) / 2;
                double strike = e.getKey().tokenValue().dollars();
                List<Quote> quotes = new ArrayList<>();
                for (RecordedQuotes.Quote r : e.getValue()) {
                    Quote q = quote(spot, r.at(), (r.yesBid().fraction() + r.yesAsk().fraction()) / 2, close);
                    if (q != null) {
                        quotes.add(q);
                    }
                }
                if (!Double.isNaN(settle) && !quotes.isEmpty()) {
                    contracts.add(new Contract(e.getKey().toString(), close, strike, settle > strike, quotes));
                }
            }
            contracts.sort(java.util.Comparator.comparing(Contract::close));
            return new Data(contracts, spot, byTicker.size());
        }
    }

    /** A recorded price before the close with the spot then (within the tolerance), or null without either. */
    private static Quote quote(TreeMap<Instant, Double> spot, Instant at, double mid, Instant close) {
        Map.Entry<Instant, Double> s = spot.floorEntry(at);
        if (at.isBefore(close) && s != null && Duration.between(s.getKey(), at).toSeconds() <= TOLERANCE_SECONDS) {
            return new Quote(at, mid, s.getValue());
        }
        return null;
    }

    private static Double near(TreeMap<Instant, Double> spot, Instant at) {
        Map.Entry<Instant, Double> lo = spot.floorEntry(at);
        Map.Entry<Instant, Double> hi = spot.ceilingEntry(at);
        Map.Entry<Instant, Double> best = lo == null ? hi : hi == null ? lo
                : Duration.between(lo.getKey(), at).compareTo(Duration.between(at, hi.getKey())) <= 0 ? lo : hi;
        if (best == null || Math.abs(Duration.between(best.getKey(), at).toSeconds()) > TOLERANCE_SECONDS) {
            return null;
        }
        return best.getValue();
    }

    private static Double average(TreeMap<Instant, Double> spot, Instant from, Instant to) {
        var window = spot.subMap(from, true, to, true);
        return window.isEmpty() ? null : window.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

}
