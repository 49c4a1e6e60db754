package io.recio.backtest.internal;

import io.recio.feeds.Candle;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-minute history of one symbol for a backtest, split into runs of consecutive minutes: the
 * candles before the period (the model's warm-up) and, inside the period, each run and each gap between
 * runs (reported and counted, never bridged: a gap's hours are skipped).
 *
 * @param symbol  BTC or ETH
 * @param from    the period's first instant
 * @param to      the instant after the period
 * @param warmUp  candles before {@code from}, oldest first
 * @param runs    the period's candles as runs of consecutive minutes, oldest first
 * @param gaps    the missing stretches inside the period (and at its ends, where the history starts late or ends early)
 */
public record History(Symbol symbol, Instant from, Instant to, List<Candle> warmUp, List<List<Candle>> runs, List<Gap> gaps) {

    /** Minutes missing from the history: [{@code from}, {@code to}). */
    public record Gap(Instant from, Instant to) {
        public long minutes() {
            return Duration.between(from, to).toMinutes();
        }
    }

    /**
     * Splits {@code candles} (any order, duplicates allowed: the first of a minute wins) for the period [from, to).
     *
     * @throws IllegalArgumentException when the period is empty or holds no candle
     */
    static History of(Symbol symbol, Instant from, Instant to, List<Candle> candles) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period is empty: --from " + from + " is not before --to " + to);
        }
        List<Candle> sorted = new ArrayList<>(candles);
        sorted.sort(java.util.Comparator.comparing(Candle::start));
        List<Candle> warmUp = new ArrayList<>();
        List<List<Candle>> runs = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        List<Candle> run = null;
        Instant expected = from;
        for (Candle c : sorted) {
            if (c.start().isBefore(from)) {
                warmUp.add(c);
                continue;
            }
            if (c.start().isAfter(to)) {
                break; // the minute starting at the period's end is kept: its first second settles the last hour
            }
            if (run != null && c.start().isBefore(expected)) {
                continue; // a duplicate minute
            }
            if (c.start().isAfter(expected)) {
                gaps.add(new Gap(expected, c.start()));
                run = null;
            }
            if (run == null) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(c);
            expected = c.start().plusSeconds(60);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no " + symbol + " one-minute candles between " + from + " and " + to
                    + (sorted.isEmpty() ? " (the history is empty)" : " (the history covers " + sorted.getFirst().start()
                    + " to " + sorted.getLast().start() + ")"));
        }
        if (expected.isBefore(to)) {
            gaps.add(new Gap(expected, to));
        }
        if (runs.getFirst().getFirst().start().equals(to)) {
            throw new IllegalArgumentException("no " + symbol + " one-minute candles between " + from + " and " + to);
        }
        return new History(symbol, from, to, warmUp, runs, gaps);
    }

    /** Minutes missing inside the period. */
    public long missingMinutes() {
        return gaps.stream().mapToLong(Gap::minutes).sum();
    }
}
