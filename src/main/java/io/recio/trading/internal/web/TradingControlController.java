package io.recio.trading.internal.web;

import io.recio.ApiProblem;
import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.TradingState;
import io.recio.trading.internal.ActiveTradeSupervisor;
import io.recio.trading.internal.AutoEntrySupervisor;
import io.recio.trading.internal.ExecutionResult;
import io.recio.trading.internal.KillSwitch;
import io.recio.trading.internal.TradeExecutor;
import io.recio.trading.internal.TradeSettings;
import io.recio.trading.internal.TradeSettingsStore;
import io.recio.trading.internal.TradingGate;
import io.recio.trading.internal.TradingLease;
import io.recio.trading.internal.TradingProperties;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Per-user trade settings, the kill switch and trading's status. */
@RestController
class TradingControlController {

    private final TradeSettingsStore settings;
    private final KillSwitch killSwitch;
    private final ActiveTradeSupervisor active;
    private final AutoEntrySupervisor autoEntry;
    private final TradeExecutor executor;
    private final TradingGate gate;
    private final AutoTradingPush autoTrading;
    private final TradingProperties properties;
    private final TradingLease lease;

    TradingControlController(TradeSettingsStore settings, KillSwitch killSwitch, ActiveTradeSupervisor active,
                             AutoEntrySupervisor autoEntry, TradeExecutor executor, TradingGate gate,
                             AutoTradingPush autoTrading, TradingProperties properties, TradingLease lease) {
        this.lease = lease;
        this.autoTrading = autoTrading;
        this.properties = properties;
        this.settings = settings;
        this.killSwitch = killSwitch;
        this.active = active;
        this.autoEntry = autoEntry;
        this.executor = executor;
        this.gate = gate;
    }

    /**
     * {@code GET /api/trading/status}: where orders go, whether recio may trade now and every hold that keeps it
     * from trading fully, and what auto-entry is doing.
     *
     * @param venue      the order venue in use
     * @param tradingOn  whether new entries are allowed (mode ACTIVE)
     * @param mode       ACTIVE, REDUCING (exits only) or HALTED
     * @param holds      every reason holding trading below ACTIVE
     * @param killSwitch the kill switch's reason when engaged, else null
     * @param autoEntry  DISABLED, INACTIVE, PAUSED or ACTIVE
     * @param leader     whether this instance holds the trading lease (a standby serves the console read-only)
     * @param leadBy     who holds the trading lease: this instance or another, with its fencing token
     */
    record TradingStatus(String venue, boolean tradingOn, TradingMode mode, List<TradingHold> holds,
                         String killSwitch, String autoEntry, boolean leader, String leadBy) {
    }

    /**
     * The kill switch after a request.
     *
     * @param reason       why it is engaged (absent when released)
     * @param flattened    how many exit orders the flatten sent (absent without {@code flatten})
     * @param notFlattened why the other live trades were not flattened (absent without {@code flatten})
     */
    record KillSwitchView(boolean engaged, String reason, Long flattened, List<String> notFlattened) {
    }

    /** Settings in REST form: the minimum edge and maximum ask as dollar strings, the minimum volume in contracts. */
    record SettingsJson(Boolean autoEntryEnabled, Boolean autoStopEnabled, Long positionSize, Integer multiplier,
                        Double minProbability, String minEdge, Integer minTimeSeconds, Integer maxTimeSeconds,
                        Integer cooldownSeconds, Double spikeThreshold, Double recoveryThreshold,
                        Integer recoveryMinutes, Long minVolume, String maxAsk, Double stopProbability,
                        Integer stopMinHoldSeconds, Integer stopVerifySeconds, Boolean momentumStopEnabled,
                        Double momentumStopThreshold) {

        static SettingsJson of(TradeSettings s) {
            return new SettingsJson(s.autoEntryEnabled(), s.autoStopEnabled(), s.positionSize(), s.multiplier(),
                    s.minProbability(), s.minEdge().toDollars(), s.minTimeSeconds(), s.maxTimeSeconds(),
                    s.cooldownSeconds(), s.spikeThreshold(), s.recoveryThreshold(), s.recoveryMinutes(),
                    s.minVolume().units() / Count.ONE_CONTRACT, s.maxAsk().toDollars(), s.stopProbability(),
                    s.stopMinHoldSeconds(), s.stopVerifySeconds(), s.momentumStopEnabled(), s.momentumStopThreshold());
        }

        /** These values over {@code base}: absent fields keep the current setting. */
        TradeSettings over(TradeSettings b) {
            return new TradeSettings(or(autoEntryEnabled, b.autoEntryEnabled()), or(autoStopEnabled, b.autoStopEnabled()),
                    or(positionSize, b.positionSize()), or(multiplier, b.multiplier()),
                    or(minProbability, b.minProbability()),
                    minEdge == null ? b.minEdge() : TradesController.parse("min_edge", () -> Money.parse(minEdge)),
                    or(minTimeSeconds, b.minTimeSeconds()), or(maxTimeSeconds, b.maxTimeSeconds()),
                    or(cooldownSeconds, b.cooldownSeconds()), or(spikeThreshold, b.spikeThreshold()),
                    or(recoveryThreshold, b.recoveryThreshold()), or(recoveryMinutes, b.recoveryMinutes()),
                    minVolume == null ? b.minVolume() : TradesController.parse("min_volume", () -> Count.ofContracts(minVolume)),
                    maxAsk == null ? b.maxAsk() : TradesController.parse("max_ask", () -> Price.parse(maxAsk)),
                    or(stopProbability, b.stopProbability()), or(stopMinHoldSeconds, b.stopMinHoldSeconds()),
                    or(stopVerifySeconds, b.stopVerifySeconds()), or(momentumStopEnabled, b.momentumStopEnabled()),
                    or(momentumStopThreshold, b.momentumStopThreshold()));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    /** Body of {@code POST /api/kill_switch}. */
    record KillRequest(Boolean engaged, Boolean flatten, String reason) {
    }

    @GetMapping("/api/trade_settings")
    SettingsJson get(Principal user) {
        return SettingsJson.of(settings.of(user.getName()));
    }

    @PutMapping("/api/trade_settings")
    SettingsJson put(@RequestBody SettingsJson body, Principal user) {
        SettingsJson saved = update(user.getName(), body);
        if (user.getName().equals(properties.user())) {
            autoTrading.refresh();
        }
        return saved;
    }

    /** The account's auto-entry and auto-stop: the supervisors' user, their state and settings. */
    @GetMapping("/api/auto_trading")
    AutoTradingPush.AutoTradingView autoTrading() {
        return autoTrading.view();
    }

    /** Changes the account's auto-entry and auto-stop settings (admin only); absent fields keep their value. */
    @PutMapping("/api/auto_trading")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    AutoTradingPush.AutoTradingView putAutoTrading(@RequestBody SettingsJson body) {
        update(properties.user(), body);
        return autoTrading.refresh();
    }

    private SettingsJson update(String user, SettingsJson body) {
        TradeSettings next = body.over(settings.of(user));
        List<String> problems = next.problems();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            String field = first.substring(0, first.indexOf(' '));
            throw ApiProblem.badInput(field.contains("/") ? field.substring(0, field.indexOf('/')) : field,
                    String.join("; ", problems));
        }
        settings.save(user, next);
        return SettingsJson.of(next);
    }

    /**
     * Engages or releases the account's kill switch (admin only). Engaging fails closed: whatever the reason's
     * length or an error on the way, trading is halted when this answers.
     */
    @PostMapping("/api/kill_switch")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    KillSwitchView kill(@RequestBody KillRequest body, Principal user) {
        if (body.engaged() == null) {
            throw ApiProblem.badInput("engaged", "engaged must be true or false");
        }
        Long flattened = null;
        List<String> notFlattened = null;
        if (body.engaged()) {
            String reason = "manual by " + user.getName() + (body.reason() == null ? "" : ": " + body.reason());
            killSwitch.engage(reason);
            if (Boolean.TRUE.equals(body.flatten())) {
                List<ExecutionResult> results = active.flattenAll("kill switch flatten (" + reason + ")");
                flattened = results.stream().filter(r -> r instanceof ExecutionResult.Sent).count();
                notFlattened = results.stream().filter(r -> r instanceof ExecutionResult.Blocked)
                        .map(r -> ((ExecutionResult.Blocked) r).reason()).toList();
            }
        } else {
            killSwitch.release(user.getName());
        }
        KillSwitchView answer = new KillSwitchView(killSwitch.engaged().isPresent(), killSwitch.engaged().orElse(null),
                flattened, notFlattened);
        gate.state();
        autoTrading.refresh();
        return answer;
    }

    @GetMapping("/api/trading/status")
    TradingStatus status() {
        // one reading of the state: with the database away each read waits for the pool, and this must answer
        TradingState state = gate.state();
        return new TradingStatus(executor.venueName(), state.entriesAllowed(), state.mode(), state.holds(),
                TradingGate.killSwitchReason(state).orElse(null), autoEntry.status(state).name(), lease.held(),
                lease.leader());
    }
}
