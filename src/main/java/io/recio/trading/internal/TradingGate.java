package io.recio.trading.internal;

import io.recio.ops.TradingSuspension;
import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.TradingState;
import io.recio.trading.TradingStateChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one answer to "may recio trade now?" ({@link TradingState}): the kill switch (read from its table each
 * time, so it fails closed with it), the start-up reconciliation (held from start until the first pass
 * succeeds) and ops' suspension ({@link TradingSuspension} events) each hold trading as far as they must. Every
 * order path asks here; a change is published as {@link TradingStateChanged}.
 */
@Component
public class TradingGate {

    private static final Logger log = LoggerFactory.getLogger(TradingGate.class);
    static final String NOT_RECONCILED = "trading is off until the start-up reconciliation succeeds";
    private static final String KILL_SWITCH_ENGAGED = "kill switch engaged: ";

    private final KillSwitch killSwitch;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<TradingHold.Kind, TradingHold> holds = new EnumMap<>(TradingHold.Kind.class);
    private Instant killSince;
    private TradingState last;

    public TradingGate(KillSwitch killSwitch, Clock clock, ApplicationEventPublisher events) {
        this.killSwitch = killSwitch;
        this.clock = clock;
        this.events = events;
        holds.put(TradingHold.Kind.RECONCILIATION, new TradingHold(TradingHold.Kind.RECONCILIATION,
                TradingMode.HALTED, NOT_RECONCILED, clock.instant()));
    }

    /** The state now; publishes {@link TradingStateChanged} when it differs from the last one seen. */
    public TradingState state() {
        Optional<String> kill = killSwitch.engaged();
        TradingState now;
        TradingState before;
        synchronized (this) {
            List<TradingHold> list = new ArrayList<>();
            if (kill.isPresent()) {
                if (killSince == null) {
                    killSince = clock.instant();
                }
                list.add(new TradingHold(TradingHold.Kind.KILL_SWITCH, TradingMode.REDUCING,
                        KILL_SWITCH_ENGAGED + kill.get(), killSince));
            } else {
                killSince = null;
            }
            list.addAll(holds.values());
            now = TradingState.of(list);
            before = last;
            last = now;
        }
        if (before != null && !before.equals(now)) {
            log.info("trading is {}{}", now.mode(), now.holds().isEmpty() ? "" : ": " + now.why());
            events.publishEvent(new TradingStateChanged(now, before));
        }
        return now;
    }

    /** The kill switch's reason in a state read from here, if it is engaged (without reading its table again). */
    public static Optional<String> killSwitchReason(TradingState state) {
        return state.holds().stream().filter(h -> h.kind() == TradingHold.Kind.KILL_SWITCH).findFirst()
                .map(h -> h.reason().substring(KILL_SWITCH_ENGAGED.length()));
    }

    /** Whether a hold of this kind is in place (the kill switch is not one of these: ask {@link #state()}). */
    public synchronized boolean holding(TradingHold.Kind kind) {
        return holds.containsKey(kind);
    }

    /** Holds trading to {@code mode} for {@code reason}; a hold already in place keeps its start. */
    public void hold(TradingHold.Kind kind, TradingMode mode, String reason) {
        if (kind == TradingHold.Kind.KILL_SWITCH) {
            throw new IllegalArgumentException("the kill switch holds trading through KillSwitch, not here");
        }
        synchronized (this) {
            TradingHold before = holds.get(kind);
            Instant since = before != null && before.mode() == mode ? before.since() : clock.instant();
            holds.put(kind, new TradingHold(kind, mode, reason, since));
        }
        state();
    }

    /** Ends the hold of this kind, if any. */
    public void release(TradingHold.Kind kind) {
        synchronized (this) {
            holds.remove(kind);
        }
        state();
    }

    /** Ops' cascading-failure detector suspends entries, or lifts its suspension. */
    @EventListener
    public void onSuspension(TradingSuspension suspension) {
        if (suspension.suspended()) {
            hold(TradingHold.Kind.SUSPENSION, TradingMode.REDUCING,
                    "suspended by ops: " + String.join("; ", suspension.reasons()));
        } else {
            release(TradingHold.Kind.SUSPENSION);
        }
    }
}
