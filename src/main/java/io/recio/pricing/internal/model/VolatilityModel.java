package io.recio.pricing.internal.model;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.SettlementDistribution;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * EWMA realized volatility of the one-second price log with Student-t tails: the log move over the
 * effective horizon h is σ·√h·t_ν·√((ν−2)/ν) (unit variance), σ per √second from the EWMA, seeded
 * from history and floored at a fraction of the seed so a quiet feed never yields certainty.
 *
 * <p>The history's variance is the EWMA's prior: it keeps the share of the weight the live seconds
 * have not earned yet, whether the seed comes before the first tick or after (at start-up the feed
 * usually runs before the models are built, and the first few seconds must not stand for the whole
 * estimate).
 */
public final class VolatilityModel implements ProbabilityModel {

    public static final String NAME = "volatility";

    /** Ticks further apart than this are a gap, not a return (a feed outage must not look like a jump). */
    private static final double MAX_GAP_SECONDS = 10;

    /** Ticks needed before an unseeded estimate is trusted. */
    private static final int MIN_TICKS = 120;

    /** Per-symbol state, guarded by the model's monitor. */
    private static final class State {
        double seedSigma = Double.NaN;
        double nu = VolatilityFit.DEFAULT_NU;
        /** Σ of decayed weights × squared per-second returns of the live seconds. */
        double liveSum;
        /** The live seconds' share of the EWMA's weight, 1 − Π decay: 0 before the first return, → 1. */
        double liveWeight;
        double lastPrice = Double.NaN;
        Instant lastAt;
        long ticks;
    }

    private final Map<Symbol, State> states = new EnumMap<>(Symbol.class);
    private final double lambdaPerSecond;
    private final double floorFraction;

    /**
     * @param halfLifeSeconds half-life of the EWMA of squared one-second returns
     * @param floorFraction   the volatility never drops below this fraction of the history's seed
     */
    public VolatilityModel(double halfLifeSeconds, double floorFraction) {
        this.lambdaPerSecond = Math.pow(0.5, 1 / halfLifeSeconds);
        this.floorFraction = floorFraction;
        for (Symbol s : Symbol.values()) {
            states.put(s, new State());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Seeds σ and ν from history; the live EWMA starts from the seed when it has no estimate yet. */
    public synchronized void seed(Symbol symbol, VolatilityFit fit) {
        State s = states.get(symbol);
        s.seedSigma = fit.sigmaPerSecond();
        s.nu = fit.nu();
    }

    /** Feeds one logged second; out-of-order or repeated seconds are ignored. */
    public synchronized void observe(Symbol symbol, Instant at, double price) {
        State s = states.get(symbol);
        if (!(price > 0)) {
            return;
        }
        if (s.lastAt != null && !at.isAfter(s.lastAt)) {
            return;
        }
        if (s.lastAt != null) {
            double dt = (at.toEpochMilli() - s.lastAt.toEpochMilli()) / 1000.0;
            if (dt <= MAX_GAP_SECONDS) {
                double r = Math.log(price / s.lastPrice);
                double decay = Math.pow(lambdaPerSecond, dt);
                double perSecond = r * r / dt;
                s.liveSum = decay * s.liveSum + (1 - decay) * perSecond;
                s.liveWeight = decay * s.liveWeight + (1 - decay);
                s.ticks++;
            }
        }
        s.lastAt = at;
        s.lastPrice = price;
    }

    /** σ per √second in use now, or NaN when not ready. */
    public synchronized double sigmaPerSecond(Symbol symbol) {
        State s = states.get(symbol);
        if (Double.isNaN(s.seedSigma)) {
            return s.ticks < MIN_TICKS ? Double.NaN : Math.sqrt(s.liveSum / s.liveWeight);
        }
        double sigma = Math.sqrt(s.liveSum + (1 - s.liveWeight) * s.seedSigma * s.seedSigma);
        return Math.max(sigma, floorFraction * s.seedSigma);
    }

    public synchronized double nu(Symbol symbol) {
        return states.get(symbol).nu;
    }

    @Override
    public boolean isReady(Symbol symbol) {
        double sigma = sigmaPerSecond(symbol);
        return sigma > 0;
    }

    @Override
    public SettlementDistribution settlement(ModelInputs inputs) {
        double sigma = sigmaPerSecond(inputs.symbol());
        if (!(sigma > 0)) {
            throw new IllegalStateException("no volatility estimate for " + inputs.symbol() + " yet");
        }
        return settlement(inputs, sigma, nu(inputs.symbol()));
    }

    /** The distribution for a given σ per √second and ν (the evaluation drives it with its own estimate). */
    public static SettlementDistribution settlement(ModelInputs inputs, double sigmaPerSecond, double nu) {
        double unitScale = Math.sqrt((nu - 2) / nu);
        return SettlementWindow.distribution(inputs, (move, horizon) -> {
            if (move <= -1) {
                return 1;
            }
            double z = Math.log1p(move) / (sigmaPerSecond * Math.sqrt(horizon));
            return StudentT.upperTail(z / unitScale, nu);
        });
    }
}
