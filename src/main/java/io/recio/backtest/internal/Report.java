package io.recio.backtest.internal;

import io.recio.market.Money;
import io.recio.market.Side;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A backtest's report, as written to {@code report.json} and drawn in {@code report.html}. Money in
 * dollars (exact to $0.0001), probabilities 0..1.
 *
 * @param id        the run's id (its directory name)
 * @param symbol    BTC or ETH
 * @param from      first instant of the period
 * @param to        instant after the period
 * @param createdAt when the run was made
 * @param history   where the one-minute history came from
 * @param model     the probability model that priced the strikes
 * @param seed      the seed of the bridge between minute candles
 * @param settings  every setting of the run
 * @param data      what of the period the history covered
 * @param summary   the headline figures
 * @param byProbability PnL by the model's probability of the side bought, at entry
 * @param byMinutesToClose PnL by minutes to the close at entry
 * @param bySide    PnL by side
 * @param forecasts the model's Brier score, log loss and reliability over the period
 * @param equity    the equity curve (cumulative net PnL) and its drawdown after each finished trade
 * @param trades    every trade that filled
 */
public record Report(String id, String symbol, Instant from, Instant to, Instant createdAt, String history, String model,
              long seed, Map<String, String> settings, Data data, Summary summary, List<Bucket> byProbability,
              List<Bucket> byMinutesToClose, List<Bucket> bySide, Forecasts forecasts, List<EquityPoint> equity,
              List<TradeRow> trades) {

    /** Coverage of the period: hours traded and skipped, and the gaps in the history (skipped, never bridged). */
    public record Data(long hoursInPeriod, int hoursTraded, long hoursSkipped, long missingMinutes, List<GapRow> gaps,
                long secondsTraded) {
    }

    public record GapRow(Instant from, Instant to, long minutes) {
    }

    /**
     * @param dailySharpe mean over standard deviation of the daily net PnL, × √365; null with fewer than two days
     *                    or no variation
     */
    public record Summary(int trades, int wins, Double winRate, BigDecimal grossPnl, BigDecimal fees, BigDecimal netPnl,
                   BigDecimal maxDrawdown, BigDecimal averageExposure, BigDecimal maxExposure, Double dailySharpe,
                   int unfilledEntries, Map<String, Integer> blockedEntries, int killSwitchTrips) {
    }

    public record Bucket(String label, int trades, int wins, BigDecimal netPnl, BigDecimal fees) {
    }

    public record Forecasts(long count, Double brier, Double logLoss, Double calibrationError, List<Scores.Bin> reliability) {
    }

    public record EquityPoint(Instant at, BigDecimal equity, BigDecimal drawdown) {
    }

    public record TradeRow(String ticker, String side, Instant entered, Instant closed, String status, BigDecimal contracts,
                    BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal fees, BigDecimal payout, BigDecimal pnl,
                    Double probability, String closeReason) {
    }

    private static final double[] PROBABILITY_BANDS = {0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0000001};
    private static final long[] MINUTE_BANDS = {0, 2, 5, 10, 15, 30, 61};

    /** Builds the report of a run. */
    static Report of(String id, History history, String source, Replay.Result r, Map<String, String> settings,
                     long seed, Instant createdAt) {
        List<Trade> filled = new ArrayList<>(r.filled());
        filled.sort(Comparator.comparing(Trade::closedAt).thenComparing(Trade::id));
        long fees = 0;
        long net = 0;
        int wins = 0;
        for (Trade t : filled) {
            fees += t.fees().units();
            net += t.pnl().units();
            wins += t.pnl().units() > 0 ? 1 : 0;
        }
        List<EquityPoint> equity = new ArrayList<>();
        long running = 0;
        long peak = 0;
        long maxDrawdown = 0;
        Map<LocalDate, Long> daily = new TreeMap<>();
        for (LocalDate d = LocalDate.ofInstant(history.from(), ZoneOffset.UTC);
             d.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(history.to()); d = d.plusDays(1)) {
            daily.put(d, 0L);
        }
        for (Trade t : filled) {
            running += t.pnl().units();
            peak = Math.max(peak, running);
            maxDrawdown = Math.max(maxDrawdown, peak - running);
            equity.add(new EquityPoint(t.closedAt(), dollars(running), dollars(running - peak)));
            // a settlement at midnight closes the day's last hour: it counts for that day
            daily.merge(LocalDate.ofInstant(t.closedAt().minusSeconds(1), ZoneOffset.UTC), t.pnl().units(), Long::sum);
        }
        int unfilled = (int) r.trades().stream().filter(t -> t.status() == TradeStatus.REJECTED).count();
        Summary summary = new Summary(filled.size(), wins, filled.isEmpty() ? null : wins / (double) filled.size(),
                dollars(net + fees), dollars(fees), dollars(net), dollars(maxDrawdown), dollars(r.averageExposure().units()),
                dollars(r.maxExposure().units()), sharpe(daily.values()), unfilled, r.blockedEntries(),
                r.killSwitchTrips());
        long hoursInPeriod = Duration.between(history.from(), history.to()).plusSeconds(3599).toHours();
        Data data = new Data(hoursInPeriod, r.hoursTraded(), hoursInPeriod - r.hoursTraded(), history.missingMinutes(),
                history.gaps().stream().map(g -> new GapRow(g.from(), g.to(), g.minutes())).toList(), r.tradedSeconds());
        Scores s = r.scores();
        Forecasts forecasts = new Forecasts(s.count(), finite(s.brier()), finite(s.logLoss()),
                finite(s.calibrationError()), s.reliability());
        return new Report(id, history.symbol().name(), history.from(), history.to(), createdAt, source, r.model(), seed,
                settings, data, summary, probabilityBuckets(filled), minuteBuckets(filled), sideBuckets(filled), forecasts,
                equity, filled.stream().map(Report::row).toList());
    }

    private static List<Bucket> probabilityBuckets(List<Trade> trades) {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i + 1 < PROBABILITY_BANDS.length; i++) {
            double lo = PROBABILITY_BANDS[i];
            double hi = PROBABILITY_BANDS[i + 1];
            String label = String.format(java.util.Locale.ROOT, "%.0f–%.0f %%", lo * 100, Math.min(hi, 1) * 100);
            out.add(bucket(label, trades, t -> t.probAtEntry() != null && t.probAtEntry() >= lo && t.probAtEntry() < hi));
        }
        return out;
    }

    private static List<Bucket> minuteBuckets(List<Trade> trades) {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i + 1 < MINUTE_BANDS.length; i++) {
            long lo = MINUTE_BANDS[i];
            long hi = MINUTE_BANDS[i + 1];
            out.add(bucket(lo + "–" + Math.min(hi, 60) + " min", trades, t -> {
                long seconds = Duration.between(t.createdAt(), t.marketClose()).toSeconds();
                return seconds >= lo * 60 && seconds < hi * 60;
            }));
        }
        return out;
    }

    private static List<Bucket> sideBuckets(List<Trade> trades) {
        return List.of(bucket("YES", trades, t -> t.side() == Side.YES), bucket("NO", trades, t -> t.side() == Side.NO));
    }

    private static Bucket bucket(String label, List<Trade> trades, Function<Trade, Boolean> in) {
        int n = 0;
        int wins = 0;
        long net = 0;
        long fees = 0;
        for (Trade t : trades) {
            if (in.apply(t)) {
                n++;
                wins += t.pnl().units() > 0 ? 1 : 0;
                net += t.pnl().units();
                fees += t.fees().units();
            }
        }
        return new Bucket(label, n, wins, dollars(net), dollars(fees));
    }

    private static Double sharpe(java.util.Collection<Long> daily) {
        if (daily.size() < 2) {
            return null;
        }
        double mean = daily.stream().mapToLong(Long::longValue).average().orElse(0);
        double var = daily.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (daily.size() - 1);
        return var == 0 ? null : mean / Math.sqrt(var) * Math.sqrt(365);
    }

    private static TradeRow row(Trade t) {
        return new TradeRow(t.ticker().toString(), t.side().name(), t.createdAt(), t.closedAt(), t.status().name(),
                BigDecimal.valueOf(t.contracts().units(), 2), t.entryPrice() == null ? null : price(t.entryPrice().units()),
                t.exitPrice() == null ? null : price(t.exitPrice().units()), dollars(t.fees().units()),
                t.payout() == null ? null : dollars(t.payout().units()), dollars(t.pnl().units()), t.probAtEntry(),
                t.closeReason());
    }

    static BigDecimal dollars(long units) {
        return BigDecimal.valueOf(units, Money.SCALE);
    }

    private static BigDecimal price(long units) {
        return BigDecimal.valueOf(units, 4);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
