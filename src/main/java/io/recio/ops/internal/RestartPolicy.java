package io.recio.ops.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a crashed service is started again: after {@code firstRestart}, doubled for every restart already made
 * within the window (capped at {@code longestRestartWait}), and not at all once {@code maxRestarts} were made
 * within the window. A pure decision that explains itself.
 */
final class RestartPolicy {

    /** What to do about a crashed service now. */
    sealed interface Decision {
        /** Restart it now; this is restart {@code number} within the window. */
        record Restart(int number) implements Decision {
        }

        /** Not yet: the back-off ends at {@code at}. */
        record Wait(Instant at) implements Decision {
        }

        /** It crashed after {@code restarts} restarts within the window: leave it FAILED. */
        record GiveUp(int restarts) implements Decision {
        }
    }

    private final OpsProperties.Detector settings;

    RestartPolicy(OpsProperties.Detector settings) {
        this.settings = settings;
    }

    /**
     * @param crashedAt when the service crashed this time
     * @param restarts  when it was restarted before (any order)
     * @param now       the clock
     */
    Decision decide(Instant crashedAt, List<Instant> restarts, Instant now) {
        Instant windowStart = now.minus(settings.restartWindow());
        int recent = (int) restarts.stream().filter(r -> r.isAfter(windowStart)).count();
        if (recent >= settings.maxRestarts()) {
            return new Decision.GiveUp(recent);
        }
        Instant due = crashedAt.plus(wait(recent));
        return now.isBefore(due) ? new Decision.Wait(due) : new Decision.Restart(recent + 1);
    }

    /** The back-off before restart number {@code done + 1}. */
    Duration wait(int done) {
        Duration d = settings.firstRestart().multipliedBy(1L << Math.min(done, 20));
        return d.compareTo(settings.longestRestartWait()) > 0 ? settings.longestRestartWait() : d;
    }
}
