package io.recio.ops;

import java.time.Instant;
import java.util.List;

/**
 * A module's report of how fresh its data is (a Spring bean): the cascading-failure detector suspends trading
 * when data is older than its limit, and the system monitor records the ages.
 */
public interface FreshnessSource {

    /** The freshness of each piece of data at {@code now}. */
    List<Freshness> freshness(Instant now);
}
