package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.ops.RetentionPolicy;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.testsupport.RecordingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** data_retention: when it applies the modules' policies, and what a failing one does. */
class DataRetentionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final OpsProperties.Retention HOURLY =
            new OpsProperties.Retention(Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(1));

    private final List<Instant> cutoffs = new ArrayList<>();
    private final RecordingContext context = new RecordingContext(ServiceName.DATA_RETENTION);

    private DataRetention service(RetentionPolicy... policies) {
        OpsProperties properties = new OpsProperties(null, null, HOURLY, Duration.ofSeconds(30));
        DataRetention retention = new DataRetention(List.of(policies), properties);
        retention.start(context);
        return retention;
    }

    private RetentionPolicy recorded(String table, Duration keep) {
        return RetentionPolicy.of(table, keep, cutoff -> {
            cutoffs.add(cutoff);
            return 3;
        });
    }

    @Test
    void theFirstPassWaitsForStartUpThenOnePassAnHourAppliesEveryPolicyAtItsOwnCutoff() {
        DataRetention retention = service(recorded("live_data.market_quote", Duration.ofDays(2)),
                recorded("system.health_status", Duration.ofDays(7)));

        retention.doWork(T0);
        retention.doWork(T0.plusSeconds(60));
        assertThat(cutoffs).as("nothing within the first two minutes").isEmpty();

        retention.doWork(T0.plusSeconds(120));
        assertThat(cutoffs).containsExactly(T0.plusSeconds(120).minus(Duration.ofDays(2)),
                T0.plusSeconds(120).minus(Duration.ofDays(7)));
        assertThat(context.details()).containsEntry("deleted.live_data.market_quote", 3)
                .containsEntry("keep.system.health_status", "PT168H");

        retention.doWork(T0.plusSeconds(120).plus(Duration.ofMinutes(59)));
        assertThat(cutoffs).as("the next pass is an hour later").hasSize(2);
        retention.doWork(T0.plusSeconds(120).plus(Duration.ofHours(1)));
        assertThat(cutoffs).hasSize(4);
    }

    @Test
    void aFailingPolicyDegradesTheServiceAndTheOthersStillRun() {
        RetentionPolicy broken = RetentionPolicy.of("live_data.price_tick", Duration.ofDays(7), cutoff -> {
            throw new IllegalStateException("database gone");
        });
        DataRetention retention = service(broken, recorded("system.health_status", Duration.ofDays(7)));

        assertThat(retention.pass(T0)).isEqualTo(3);

        assertThat(cutoffs).hasSize(1);
        assertThat(context.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(context.reason()).isEqualTo("retention failed for live_data.price_tick: database gone");

        retention.pass(T0.plus(Duration.ofHours(1)));
        assertThat(context.state()).as("still failing").isEqualTo(ServiceState.DEGRADED);
    }
}
