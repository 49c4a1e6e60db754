package io.recio.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * A module's rule that keeps one kind of its stored data bounded (DESIGN.md §5). ops' {@code data_retention}
 * service applies every policy (each a Spring bean of this type) once an hour and shows in its health what
 * each one removed, so the database grows by a bounded amount per day whatever the module writes.
 */
public interface RetentionPolicy {

    /** The table the policy keeps bounded, e.g. {@code live_data.price_tick}. */
    String table();

    /** How long rows are kept. */
    Duration keep();

    /**
     * Removes the rows older than {@link #keep()} at {@code now}, first rolling them up where the policy says so;
     * returns how many rows went. Runs on the {@code data_retention} thread; an exception is reported there and
     * the next pass tries again.
     */
    int apply(Instant now);

    /**
     * A policy that deletes what is older than {@code keep}: {@code deleteBefore} gets the cutoff
     * ({@code now - keep}) and returns how many rows it deleted.
     */
    static RetentionPolicy of(String table, Duration keep, ToIntFunction<Instant> deleteBefore) {
        return new RetentionPolicy() {
            @Override
            public String table() {
                return table;
            }

            @Override
            public Duration keep() {
                return keep;
            }

            @Override
            public int apply(Instant now) {
                return deleteBefore.applyAsInt(now.minus(keep));
            }
        };
    }
}
