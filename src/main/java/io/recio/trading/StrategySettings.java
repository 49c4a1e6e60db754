package io.recio.trading;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.trading.internal.TradeSettings;
import io.recio.trading.internal.TradingProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that steers the supervisors, as flat keys for a backtest's settings file and sweeps: the
 * auto-entry and auto-stop settings ({@code auto-entry.*}, {@code auto-stop.*}), the account's risk
 * limits ({@code risk.*}, as under {@code recio.trading.risk}) and {@code exit-slippage-cents}. Keys may
 * carry the {@code recio.trading.} prefix; underscores count as hyphens. Defaults are the demo's
 * (REC.IO's with auto-entry on, no volume filter, minimum probability 70).
 */
public final class StrategySettings {

    /** The prefix the keys may carry, as in recio's configuration. */
    public static final String PREFIX = "recio.trading.";

    private static final Map<String, String> DEFAULTS = defaultValues();

    private final Map<String, String> values;
    private final TradeSettings trade;
    private final TradingProperties.Risk risk;
    private final int exitSlippageCents;

    private StrategySettings(Map<String, String> values, TradeSettings trade, TradingProperties.Risk risk,
                             int exitSlippageCents) {
        this.values = values;
        this.trade = trade;
        this.risk = risk;
        this.exitSlippageCents = exitSlippageCents;
    }

    /** The defaults. */
    public static StrategySettings defaults() {
        return of(Map.of());
    }

    /**
     * The defaults with {@code overrides} applied.
     *
     * @throws IllegalArgumentException listing every unknown key, unreadable value and impossible range
     */
    public static StrategySettings of(Map<String, String> overrides) {
        return parse(new LinkedHashMap<>(DEFAULTS), overrides);
    }

    /** These settings with {@code overrides} applied (a sweep's row); throws as {@link #of}. */
    public StrategySettings with(Map<String, String> overrides) {
        return parse(new LinkedHashMap<>(values), overrides);
    }

    /** Every key with its value, in a stable order. */
    public Map<String, String> values() {
        return values;
    }

    /** The key as the settings know it ({@code recio.trading.} dropped, lower case, hyphens), or null when unknown. */
    public static String canonicalKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.startsWith(PREFIX)) {
            k = k.substring(PREFIX.length());
        }
        return DEFAULTS.containsKey(k) ? k : null;
    }

    /** Whether auto-entry may enter {@code secondsToClose} before a close (it is on and inside its window). */
    public boolean entersAt(long secondsToClose) {
        return trade.autoEntryEnabled() && secondsToClose >= trade.minTimeSeconds()
                && secondsToClose <= trade.maxTimeSeconds();
    }

    /** The auto-entry and auto-stop settings (trading's own type). */
    public TradeSettings trade() {
        return trade;
    }

    /** The risk limits (trading's own type). */
    public TradingProperties.Risk risk() {
        return risk;
    }

    public int exitSlippageCents() {
        return exitSlippageCents;
    }

    private static StrategySettings parse(Map<String, String> values, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        overrides.forEach((key, value) -> {
            String k = canonicalKey(key);
            if (k == null) {
                problems.add("unknown setting '" + key + "' (known: " + String.join(", ", DEFAULTS.keySet()) + ")");
            } else {
                values.put(k, value == null ? "" : value.trim());
            }
        });
        Reader r = new Reader(values, problems);
        TradeSettings trade = new TradeSettings(r.bool("auto-entry.enabled"), r.bool("auto-stop.enabled"),
                r.integer("auto-entry.position-size"), (int) r.integer("auto-entry.multiplier"),
                r.number("auto-entry.min-probability"), new Money(r.fixed("auto-entry.min-edge", Money.ONE_DOLLAR)),
                (int) r.integer("auto-entry.min-time-seconds"), (int) r.integer("auto-entry.max-time-seconds"),
                (int) r.integer("auto-entry.cooldown-seconds"), r.number("auto-entry.spike-threshold"),
                r.number("auto-entry.recovery-threshold"), (int) r.integer("auto-entry.recovery-minutes"),
                Count.ofContracts(r.integer("auto-entry.min-volume")),
                new Price(r.price("auto-entry.max-ask")), r.number("auto-stop.stop-probability"),
                (int) r.integer("auto-stop.min-hold-seconds"), (int) r.integer("auto-stop.verify-seconds"),
                r.bool("auto-stop.momentum-stop-enabled"), r.number("auto-stop.momentum-stop-threshold"));
        TradingProperties.Risk risk = new TradingProperties.Risk(r.atLeastOne("risk.max-contracts-per-order"),
                r.atLeastOne("risk.max-exposure-per-market"), r.atLeastOne("risk.max-total-exposure"),
                (int) r.atLeastOne("risk.max-open-trades"), r.atLeastOne("risk.daily-loss-limit"), Duration.ofSeconds(10));
        long slippage = r.integer("exit-slippage-cents");
        if (slippage < 0 || slippage > 99) {
            problems.add("exit-slippage-cents must be 0 to 99, was " + slippage);
        }
        if (r.clean()) {
            trade.problems().forEach(p -> problems.add(p + " (" + PREFIX + "auto-entry/auto-stop)"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new StrategySettings(java.util.Collections.unmodifiableMap(values), trade, risk, (int) slippage);
    }

    private static Map<String, String> defaultValues() {
        TradeSettings d = TradeSettings.DEFAULTS.forSimulatedMarket();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("auto-entry.enabled", String.valueOf(d.autoEntryEnabled()));
        m.put("auto-entry.position-size", String.valueOf(d.positionSize()));
        m.put("auto-entry.multiplier", String.valueOf(d.multiplier()));
        m.put("auto-entry.min-probability", plain(d.minProbability()));
        m.put("auto-entry.min-edge", plain(d.minEdge().units() / (double) Money.ONE_DOLLAR));
        m.put("auto-entry.min-time-seconds", String.valueOf(d.minTimeSeconds()));
        m.put("auto-entry.max-time-seconds", String.valueOf(d.maxTimeSeconds()));
        m.put("auto-entry.cooldown-seconds", String.valueOf(d.cooldownSeconds()));
        m.put("auto-entry.spike-threshold", plain(d.spikeThreshold()));
        m.put("auto-entry.recovery-threshold", plain(d.recoveryThreshold()));
        m.put("auto-entry.recovery-minutes", String.valueOf(d.recoveryMinutes()));
        m.put("auto-entry.min-volume", String.valueOf(d.minVolume().units() / Count.ONE_CONTRACT));
        m.put("auto-entry.max-ask", plain(d.maxAsk().fraction()));
        m.put("auto-stop.enabled", String.valueOf(d.autoStopEnabled()));
        m.put("auto-stop.stop-probability", plain(d.stopProbability()));
        m.put("auto-stop.min-hold-seconds", String.valueOf(d.stopMinHoldSeconds()));
        m.put("auto-stop.verify-seconds", String.valueOf(d.stopVerifySeconds()));
        m.put("auto-stop.momentum-stop-enabled", String.valueOf(d.momentumStopEnabled()));
        m.put("auto-stop.momentum-stop-threshold", plain(d.momentumStopThreshold()));
        // recio.trading.risk.* and exit-slippage-cents defaults, as TradingProperties declares them
        m.put("risk.max-contracts-per-order", "100");
        m.put("risk.max-exposure-per-market", "100");
        m.put("risk.max-total-exposure", "500");
        m.put("risk.max-open-trades", "10");
        m.put("risk.daily-loss-limit", "100");
        m.put("exit-slippage-cents", "5");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Typed reads of the values, collecting a message per unreadable one. */
    private static final class Reader {
        private final Map<String, String> values;
        private final List<String> problems;
        private final int before;

        Reader(Map<String, String> values, List<String> problems) {
            this.values = values;
            this.problems = problems;
            this.before = problems.size();
        }

        boolean clean() {
            return problems.size() == before;
        }

        boolean bool(String key) {
            String v = values.get(key).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problems.add(key + " must be true or false, was '" + values.get(key) + "'");
                return false;
            }
            return Boolean.parseBoolean(v);
        }

        long integer(String key) {
            try {
                return Long.parseLong(values.get(key));
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number, was '" + values.get(key) + "'");
                return 1;
            }
        }

        long atLeastOne(String key) {
            long v = integer(key);
            if (v < 1) {
                problems.add(key + " must be at least 1, was " + v);
                return 1;
            }
            return v;
        }

        double number(String key) {
            try {
                double d = Double.parseDouble(values.get(key));
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                problems.add(key + " must be a number, was '" + values.get(key) + "'");
                return 1;
            }
        }

        /** A price from 0 to 1 dollar in $0.0001. */
        long price(String key) {
            long units = fixed(key, Price.ONE_DOLLAR);
            if (units < 0 || units > Price.ONE_DOLLAR) {
                problems.add(key + " must be a price from 0 to 1 dollar, was " + values.get(key));
                return Price.ONE_DOLLAR;
            }
            return units;
        }

        /** A dollar amount in units of 1/{@code scale} dollar, exact to that unit. */
        long fixed(String key, long scale) {
            try {
                return new BigDecimal(values.get(key)).multiply(BigDecimal.valueOf(scale)).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(key + " must be a dollar amount with at most 4 decimals, was '" + values.get(key) + "'");
                return 0;
            }
        }
    }
}
