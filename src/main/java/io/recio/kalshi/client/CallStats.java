package io.recio.kalshi.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kalshi REST calls over a sliding window: how many, how many got no definite answer (timeout, broken
 * connection, 5xx, 429), how long they took, and the ones still waiting for an answer, so the health of the
 * venue shows within seconds. Times come from the client's clock.
 */
public final class CallStats {

    /** What the window holds at one moment. */
    public record Summary(int calls, int failures, Duration p90, int inFlight, Duration oldestInFlight) {

        /** Failures per call, 0 without calls. */
        public double failureRate() {
            return calls == 0 ? 0 : (double) failures / calls;
        }
    }

    private record Call(Instant end, Duration took, boolean failed) {
    }

    private static final int MAX_KEPT = 10_000;

    private final Duration window;
    private final Deque<Call> done = new ArrayDeque<>();
    private final Map<Long, Instant> inFlight = new HashMap<>();
    private long nextId;
    private volatile Runnable listener = () -> { };

    public CallStats(Duration window) {
        this.window = window;
    }

    /** Something to run after every call ends (the watchdog re-judges its health); replaces the previous one. */
    public void onCallEnded(Runnable listener) {
        this.listener = listener == null ? () -> { } : listener;
    }

    /** A call leaves at {@code at}; returns its id for {@link #end}. */
    public synchronized long begin(Instant at) {
        long id = nextId++;
        inFlight.put(id, at);
        return id;
    }

    /** The call {@code id} got its answer (or none: {@code failed}) at {@code at}. */
    public void end(long id, Instant at, boolean failed) {
        synchronized (this) {
            Instant began = inFlight.remove(id);
            if (began == null) {
                return;
            }
            done.addLast(new Call(at, Duration.between(began, at), failed));
            prune(at);
        }
        listener.run();
    }

    /** The calls that ended within the window before {@code now}, and those still waiting. */
    public synchronized Summary summary(Instant now) {
        prune(now);
        int failures = 0;
        List<Duration> took = new ArrayList<>(done.size() + inFlight.size());
        for (Call c : done) {
            took.add(c.took());
            if (c.failed()) {
                failures++;
            }
        }
        Duration oldest = Duration.ZERO;
        for (Instant began : inFlight.values()) {
            Duration waiting = Duration.between(began, now);
            // a call that has waited longer than the slowest finished one says more about latency than they do
            took.add(waiting);
            if (waiting.compareTo(oldest) > 0) {
                oldest = waiting;
            }
        }
        took.sort(null);
        Duration p90 = took.isEmpty() ? Duration.ZERO : took.get(Math.min(took.size() - 1, (int) (took.size() * 0.9)));
        return new Summary(done.size(), failures, p90, inFlight.size(), oldest);
    }

    private void prune(Instant now) {
        Instant from = now.minus(window);
        while (!done.isEmpty() && (done.peekFirst().end().isBefore(from) || done.size() > MAX_KEPT)) {
            done.pollFirst();
        }
    }
}
