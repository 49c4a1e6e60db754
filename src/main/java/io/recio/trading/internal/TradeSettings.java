package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's trade settings (REC.IO's trade_preferences and auto-entry/auto-stop settings). Units:
 * probabilities in percent (0–100) as REC.IO showed them, momentum thresholds in percent, the
 * minimum edge in dollars per contract, the position size in whole contracts.
 *
 * @param autoEntryEnabled      whether the auto_entry_supervisor may enter for this user
 * @param autoStopEnabled       whether the active_trade_supervisor may stop this user's trades
 * @param positionSize          contracts per entry before the multiplier
 * @param multiplier            entry size = position size × multiplier
 * @param minProbability        minimum probability of the side, percent
 * @param minEdge               minimum edge per contract after fees
 * @param minTimeSeconds        entries only when at least this long before the close ...
 * @param maxTimeSeconds        ... and at most this long
 * @param cooldownSeconds       per strike and side, between auto entries
 * @param spikeThreshold        |momentum| (percent) at which the spike alert pauses entries
 * @param recoveryThreshold     |momentum| (percent) that counts as calm again
 * @param recoveryMinutes       how long momentum must stay calm before entries resume
 * @param minVolume             watchlist filter: minimum contracts traded in the market
 * @param maxAsk                watchlist filter: the highest ask worth buying
 * @param stopProbability       auto-stop when the held side's probability falls below this, percent
 * @param stopMinHoldSeconds    ... but only after holding this long
 * @param stopVerifySeconds     ... and it is still below after this many seconds (0 = at once)
 * @param momentumStopEnabled   whether momentum spikes flatten the side they go against
 * @param momentumStopThreshold momentum (percent) above which NO trades close, below minus which YES trades close
 */
public record TradeSettings(boolean autoEntryEnabled, boolean autoStopEnabled, long positionSize, int multiplier,
                            double minProbability, Money minEdge, int minTimeSeconds, int maxTimeSeconds,
                            int cooldownSeconds, double spikeThreshold, double recoveryThreshold,
                            int recoveryMinutes, Count minVolume, Price maxAsk, double stopProbability,
                            int stopMinHoldSeconds, int stopVerifySeconds, boolean momentumStopEnabled,
                            double momentumStopThreshold) {

    /**
     * REC.IO's defaults, in one place: min probability 95, min edge 0.25¢, window 120–900 s before the
     * close, cooldown 10 s, spike 0.36 % / recovery 0.30 % over 15 min, auto-stop below 40 after 60 s
     * with 15 s verification, momentum-spike flatten at 0.36 %. Auto-entry starts off (a user turns it
     * on); the watchlist filters (volume ≥ 1000, ask ≤ 0.98) are recio's.
     */
    public static final TradeSettings DEFAULTS = new TradeSettings(false, true, 1, 1, 95.0, new Money(25), 120, 900,
            10, 0.36, 0.30, 15, Count.ofContracts(1000), new Price(9_800), 40.0, 60, 15, true, 0.36);

    /**
     * These settings with auto-entry on and the gates a simulated market passes now and then: no volume filter
     * (simulated markets report no traded volume) and a minimum probability of 70 % instead of 95 % (the
     * simulated makers price the strong favourites above the model, so REC.IO's 95 % finds almost nothing to
     * buy; from 70 % the bot still buys only the favoured side, several times an hour).
     */
    public TradeSettings forSimulatedMarket() {
        return new TradeSettings(true, autoStopEnabled, positionSize, multiplier, 70.0, minEdge, minTimeSeconds,
                maxTimeSeconds, cooldownSeconds, spikeThreshold, recoveryThreshold, recoveryMinutes, Count.ZERO, maxAsk,
                stopProbability, stopMinHoldSeconds, stopVerifySeconds, momentumStopEnabled, momentumStopThreshold);
    }

    /** Contracts per auto entry. */
    public Count entrySize() {
        return Count.ofContracts(positionSize * multiplier);
    }

    /** Every rule the settings break, each naming its field; empty when valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (positionSize < 1 || positionSize > 10_000) {
            p.add("position_size must be 1 to 10000 contracts, was " + positionSize);
        }
        if (multiplier < 1 || multiplier > 100) {
            p.add("multiplier must be 1 to 100, was " + multiplier);
        }
        if (!(minProbability >= 0 && minProbability <= 100)) {
            p.add("min_probability must be 0 to 100 percent, was " + minProbability);
        }
        if (minEdge == null || minEdge.units() < 0 || minEdge.units() > Money.ONE_DOLLAR) {
            p.add("min_edge must be 0 to 1 dollar per contract, was " + minEdge);
        }
        if (minTimeSeconds < 0 || maxTimeSeconds > 3600 || minTimeSeconds >= maxTimeSeconds) {
            p.add("min_time_seconds/max_time_seconds must satisfy 0 <= min < max <= 3600, were " + minTimeSeconds
                    + "/" + maxTimeSeconds);
        }
        if (cooldownSeconds < 0 || cooldownSeconds > 3600) {
            p.add("cooldown_seconds must be 0 to 3600, was " + cooldownSeconds);
        }
        if (!(spikeThreshold > 0 && spikeThreshold <= 100)) {
            p.add("spike_threshold must be above 0 and at most 100 percent, was " + spikeThreshold);
        }
        if (!(recoveryThreshold > 0 && recoveryThreshold <= spikeThreshold)) {
            p.add("recovery_threshold must be above 0 and at most spike_threshold, was " + recoveryThreshold);
        }
        if (recoveryMinutes < 0 || recoveryMinutes > 240) {
            p.add("recovery_minutes must be 0 to 240, was " + recoveryMinutes);
        }
        if (minVolume == null || minVolume.units() < 0) {
            p.add("min_volume must be 0 or more contracts, was " + minVolume);
        }
        if (maxAsk == null) {
            p.add("max_ask must be a price from 0 to 1");
        }
        if (!(stopProbability >= 0 && stopProbability <= 100)) {
            p.add("stop_probability must be 0 to 100 percent, was " + stopProbability);
        }
        if (stopMinHoldSeconds < 0 || stopMinHoldSeconds > 3600) {
            p.add("stop_min_hold_seconds must be 0 to 3600, was " + stopMinHoldSeconds);
        }
        if (stopVerifySeconds < 0 || stopVerifySeconds > 600) {
            p.add("stop_verify_seconds must be 0 to 600, was " + stopVerifySeconds);
        }
        if (!(momentumStopThreshold > 0 && momentumStopThreshold <= 100)) {
            p.add("momentum_stop_threshold must be above 0 and at most 100 percent, was " + momentumStopThreshold);
        }
        return p;
    }
}
