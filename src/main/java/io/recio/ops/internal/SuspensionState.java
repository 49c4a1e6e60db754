package io.recio.ops.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether trading is suspended and why: suspended as soon as there is trouble, lifted only after a calm period
 * without any. Reasons that change only in their figures are the same reasons.
 */
final class SuspensionState {

    /** What one step changed. */
    enum Change {
        NONE,
        SUSPENDED,
        /** Still suspended, for other reasons. */
        REASONS,
        /** The trouble is gone; the calm period runs. */
        CALMING,
        RESUMED
    }

    private final Duration calmPeriod;
    private boolean suspended;
    private List<String> reasons = List.of();
    private Instant calmSince;

    SuspensionState(Duration calmPeriod) {
        this.calmPeriod = calmPeriod;
    }

    Change step(List<String> trouble, Instant now) {
        if (!trouble.isEmpty()) {
            calmSince = null;
            if (!suspended) {
                suspended = true;
                reasons = List.copyOf(trouble);
                return Change.SUSPENDED;
            }
            boolean other = !shape(trouble).equals(shape(reasons));
            reasons = List.copyOf(trouble);
            return other ? Change.REASONS : Change.NONE;
        }
        if (!suspended) {
            return Change.NONE;
        }
        if (calmSince == null) {
            calmSince = now;
            return Change.CALMING;
        }
        if (Duration.between(calmSince, now).compareTo(calmPeriod) >= 0) {
            suspended = false;
            reasons = List.of();
            calmSince = null;
            return Change.RESUMED;
        }
        return Change.NONE;
    }

    boolean suspended() {
        return suspended;
    }

    List<String> reasons() {
        return reasons;
    }

    /** When trading resumes if nothing goes wrong meanwhile, or null. */
    Instant resumesAt() {
        return suspended && calmSince != null ? calmSince.plus(calmPeriod) : null;
    }

    private static List<String> shape(List<String> texts) {
        return texts.stream().map(t -> t.replaceAll("\\d+", "#")).sorted().toList();
    }
}
