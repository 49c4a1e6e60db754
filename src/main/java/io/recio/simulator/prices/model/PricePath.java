package io.recio.simulator.prices.model;

import io.recio.market.Symbol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated BTC and ETH path, one value per second, as a pure function of the seed, the anchor
 * second and the second asked for: second {@code k} (relative to the anchor) draws its randomness from
 * its own generator seeded by (seed, k), so any second can be computed without the ones before being
 * kept. The path grows forward from the anchor for later seconds and backward (the same process reversed)
 * for earlier ones, so a demo has a past as well as a future. Values are computed an hour at a time;
 * the state at every hour boundary reached is kept (three doubles an hour), and the last
 * {@value #CACHED_HOURS} hours of values. Not thread-safe: {@link PriceModel} serialises access.
 */
final class PricePath {

    static final int HOUR = 3600;
    static final int CACHED_HOURS = 8;

    private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

    private final long seed;
    private final long anchorEpoch;
    private final ReplayTape btcReplay;
    private final ReplayTape ethReplay;
    private final TreeMap<Long, State> boundaries = new TreeMap<>();
    private final Map<Long, Chunk> chunks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Chunk> eldest) {
            return size() > CACHED_HOURS;
        }
    };

    // Per-second constants derived from ModelParameters.
    private final double regimePhi;
    private final double regimeShockSd;
    private final double regimeMean;
    private final double btcDiffusionSd;
    private final double ethDiffusionSd;
    private final double jumpProbability;
    private final double tScale;
    private final double rho;
    private final double rhoComplement;

    /** The state of the world at one second: log prices and the variance regime (log-variance deviation). */
    record State(double logBtc, double logEth, double regime) {
    }

    private record Chunk(long[] btc, long[] eth, double[] regime) {
    }

    /**
     * @param anchorEpoch the epoch second at which the modelled symbols stand at their start prices
     * @param btcReplay   replayed BTC minutes, or null to model BTC
     * @param ethReplay   replayed ETH minutes, or null to model ETH
     */
    PricePath(long seed, long anchorEpoch, double btcStart, double ethStart, ReplayTape btcReplay, ReplayTape ethReplay) {
        this.seed = seed;
        this.anchorEpoch = anchorEpoch;
        this.btcReplay = btcReplay;
        this.ethReplay = ethReplay;
        double perMinute = Math.pow(ModelParameters.VOL_PERSISTENCE_PER_HOUR, 1.0 / 60);
        double tau = ModelParameters.LOG_VARIANCE_STDEV;
        this.regimePhi = perMinute;
        this.regimeShockSd = tau * Math.sqrt(1 - perMinute * perMinute);
        this.regimeMean = -tau * tau / 2; // so that E[exp(regime)] = 1 and the mean variance is the calibrated one
        this.jumpProbability = ModelParameters.JUMPS_PER_DAY / 86_400;
        double hourlyVar = ModelParameters.BTC_HOURLY_SIGMA * ModelParameters.BTC_HOURLY_SIGMA;
        double jumpVarPerHour = jumpProbability * HOUR * ModelParameters.BTC_JUMP_SIGMA * ModelParameters.BTC_JUMP_SIGMA;
        this.btcDiffusionSd = Math.sqrt((hourlyVar - jumpVarPerHour) / HOUR);
        this.ethDiffusionSd = btcDiffusionSd * ModelParameters.ETH_VOL_RATIO;
        int nu = ModelParameters.STUDENT_T_DOF;
        this.tScale = Math.sqrt((nu - 2.0) / nu);
        this.rho = ModelParameters.BTC_ETH_CORRELATION;
        this.rhoComplement = Math.sqrt(1 - rho * rho);
        double logBtc = btcReplay != null ? Math.log(btcReplay.units(anchorEpoch)) : Math.log(btcStart * 10_000);
        double logEth = ethReplay != null ? Math.log(ethReplay.units(anchorEpoch)) : Math.log(ethStart * 10_000);
        boundaries.put(0L, new State(logBtc, logEth, 0));
    }

    /** The value in {@link io.recio.market.SpotPrice} units at an epoch second. */
    long units(Symbol symbol, long epochSecond) {
        long k = epochSecond - anchorEpoch;
        Chunk chunk = chunk(Math.floorDiv(k, HOUR));
        int i = (int) Math.floorMod(k, HOUR);
        return symbol == Symbol.BTC ? chunk.btc[i] : chunk.eth[i];
    }

    /** The annualised volatility the model runs at in that second (regime and hour of day). */
    double annualisedVolatility(Symbol symbol, long epochSecond) {
        long k = epochSecond - anchorEpoch;
        double regime = chunk(Math.floorDiv(k, HOUR)).regime[(int) Math.floorMod(k, HOUR)];
        double perSecond = (symbol == Symbol.BTC ? btcDiffusionSd : ethDiffusionSd) * season(epochSecond)
                * Math.exp((regimeMean + regime) / 2);
        double jumps = jumpProbability * Math.pow(ModelParameters.BTC_JUMP_SIGMA
                * (symbol == Symbol.BTC ? 1 : ModelParameters.ETH_VOL_RATIO), 2) * Math.exp(regimeMean + regime);
        return Math.sqrt((perSecond * perSecond + jumps) * SECONDS_PER_YEAR);
    }

    private Chunk chunk(long hour) {
        Chunk cached = chunks.get(hour);
        if (cached != null) {
            return cached;
        }
        Chunk built = hour >= 0 ? forwardChunk(hour) : backwardChunk(hour);
        chunks.put(hour, built);
        return built;
    }

    private Chunk forwardChunk(long hour) {
        long start = hour * HOUR;
        long known = boundaries.floorKey(start);
        while (known < start) { // walk forward over the hours never reached, keeping only their boundaries
            forward(known / HOUR);
            known += HOUR;
        }
        return forward(hour);
    }

    private Chunk backwardChunk(long hour) {
        long end = (hour + 1) * HOUR;
        long known = boundaries.ceilingKey(end);
        while (known > end) {
            backward(known / HOUR - 1);
            known -= HOUR;
        }
        return backward(hour);
    }

    /** Computes hour {@code hour} ≥ 0 from the state at its first second, and records the next boundary. */
    private Chunk forward(long hour) {
        long first = hour * HOUR;
        Chunk c = new Chunk(new long[HOUR], new long[HOUR], new double[HOUR]);
        State s = boundaries.get(first);
        for (int i = 0; i < HOUR; i++) {
            if (i > 0) {
                s = step(s, first + i, true);
            }
            record(c, i, s, first + i);
        }
        boundaries.put(first + HOUR, step(s, first + HOUR, true));
        return c;
    }

    /** Computes hour {@code hour} < 0 back from the state at the next hour's first second. */
    private Chunk backward(long hour) {
        long first = hour * HOUR;
        Chunk c = new Chunk(new long[HOUR], new long[HOUR], new double[HOUR]);
        State s = boundaries.get(first + HOUR);
        for (int i = HOUR - 1; i >= 0; i--) {
            s = step(s, first + i + 1, false);
            record(c, i, s, first + i);
        }
        boundaries.put(first, s);
        return c;
    }

    private void record(Chunk c, int i, State s, long k) {
        long epoch = anchorEpoch + k;
        c.btc[i] = btcReplay != null ? btcReplay.units(epoch) : Math.round(Math.exp(s.logBtc()));
        c.eth[i] = ethReplay != null ? ethReplay.units(epoch) : Math.round(Math.exp(s.logEth()));
        c.regime[i] = s.regime();
    }

    /**
     * One second of the process. Forward: from the state at k − 1 to the state at k. Backward: from the
     * state at k to the state at k − 1. Either way the move between k − 1 and k uses second k's draws.
     */
    private State step(State s, long k, boolean forward) {
        SplittableRandom random = new SplittableRandom(mix(seed, k));
        double z1 = random.nextGaussian();
        double z2 = random.nextGaussian();
        double chi = 0;
        for (int i = 0; i < ModelParameters.STUDENT_T_DOF; i++) {
            double g = random.nextGaussian();
            chi += g * g;
        }
        double studentScale = tScale / Math.sqrt(chi / ModelParameters.STUDENT_T_DOF);
        boolean jump = random.nextDouble() < jumpProbability;
        double j1 = random.nextGaussian();
        double j2 = random.nextGaussian();
        double eta = random.nextGaussian();

        boolean regimeMoves = Math.floorMod(k, 60) == 0;
        // Forward, second k's regime is the moved one; backward, the move is undone after second k's return.
        double regimeAtK = forward && regimeMoves ? regimePhi * s.regime() + regimeShockSd * eta : s.regime();
        double regimeOther = !forward && regimeMoves ? regimePhi * s.regime() + regimeShockSd * eta : regimeAtK;

        double volScale = Math.exp((regimeMean + regimeAtK) / 2);
        double season = season(anchorEpoch + k);
        double rb = btcDiffusionSd * season * volScale * studentScale * z1;
        double re = ethDiffusionSd * season * volScale * studentScale * (rho * z1 + rhoComplement * z2);
        if (jump) {
            double size = ModelParameters.BTC_JUMP_SIGMA * volScale;
            rb += size * j1;
            re += size * ModelParameters.ETH_VOL_RATIO * (rho * j1 + rhoComplement * j2);
        }
        // A replayed symbol moves as its file says; the modelled one keeps its correlation to that move.
        double ethOnBtc = rho * ModelParameters.ETH_VOL_RATIO;
        double btcOnEth = rho / ModelParameters.ETH_VOL_RATIO;
        if (btcReplay != null && ethReplay != null) {
            rb = replayReturn(btcReplay, k);
            re = replayReturn(ethReplay, k);
        } else if (btcReplay != null) {
            double actual = replayReturn(btcReplay, k);
            re += ethOnBtc * (actual - rb);
            rb = actual;
        } else if (ethReplay != null) {
            double actual = replayReturn(ethReplay, k);
            rb += btcOnEth * (actual - re);
            re = actual;
        }
        double sign = forward ? 1 : -1;
        return new State(s.logBtc() + sign * rb, s.logEth() + sign * re, regimeOther);
    }

    private double replayReturn(ReplayTape tape, long k) {
        long epoch = anchorEpoch + k;
        return Math.log(tape.units(epoch)) - Math.log(tape.units(epoch - 1));
    }

    private static double season(long epochSecond) {
        return ModelParameters.HOUR_OF_DAY_VOL[(int) (Math.floorMod(epochSecond, 86_400L) / HOUR)];
    }

    /** SplitMix64 of the seed and the second, so neighbouring seconds get unrelated generators. */
    static long mix(long seed, long k) {
        long z = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
