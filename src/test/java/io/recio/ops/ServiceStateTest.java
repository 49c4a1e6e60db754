package io.recio.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceStateTest {

    @Test
    void aStoppedServiceCanOnlyStart() {
        assertThat(ServiceState.STOPPED.canBecome(ServiceState.STARTING)).isTrue();
        assertThat(ServiceState.STOPPED.canBecome(ServiceState.RUNNING)).isFalse();
        assertThat(ServiceState.STOPPED.canBecome(ServiceState.DEGRADED)).isFalse();
        assertThat(ServiceState.STOPPED.canBecome(ServiceState.FAILED)).isFalse();
    }

    @Test
    void aStartEndsRunningDegradedFailedOrStopped() {
        for (ServiceState next : new ServiceState[] {ServiceState.RUNNING, ServiceState.DEGRADED, ServiceState.FAILED,
                ServiceState.STOPPED}) {
            assertThat(ServiceState.STARTING.canBecome(next)).as(next.name()).isTrue();
        }
    }

    @Test
    void aRunningServiceMovesBetweenRunningAndDegradedWithoutStartingAgain() {
        assertThat(ServiceState.RUNNING.canBecome(ServiceState.DEGRADED)).isTrue();
        assertThat(ServiceState.DEGRADED.canBecome(ServiceState.RUNNING)).isTrue();
        assertThat(ServiceState.RUNNING.canBecome(ServiceState.STARTING)).isFalse();
        assertThat(ServiceState.DEGRADED.canBecome(ServiceState.STARTING)).isFalse();
    }

    @Test
    void aFailedServiceIsStartedAgainOrStoppedButNeverRunsWithoutAStart() {
        assertThat(ServiceState.FAILED.canBecome(ServiceState.STARTING)).isTrue();
        assertThat(ServiceState.FAILED.canBecome(ServiceState.STOPPED)).isTrue();
        assertThat(ServiceState.FAILED.canBecome(ServiceState.RUNNING)).isFalse();
        assertThat(ServiceState.FAILED.canBecome(ServiceState.DEGRADED)).isFalse();
    }
}
