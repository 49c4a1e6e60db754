package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.recio.ApiProblem;
import io.recio.LiveUpdate;
import io.recio.LiveViewer;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The master restart under a test clock: a 30-second countdown every console is told about, cancellable by any
 * admin, then every service stopped in reverse dependency order and started in dependency order; each step audited.
 */
class MasterRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<MasterRestart.View> pushed = new CopyOnWriteArrayList<>();
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final RunnerFixture fixture = new RunnerFixture(clock, false, e -> { },
            new Probe("feed"), new Probe("pricing", "feed"), new Probe("entries", "pricing"));
    private final MasterRestart restart = new MasterRestart(fixture.runner, new OpsAudit(null) {
        @Override
        void record(String username, String action, String detail, boolean ok, String outcome) {
            audited.add(username + " " + action + " " + ok);
        }
    }, event -> {
        if (event instanceof LiveUpdate u && u.type().equals("master_restart")) {
            pushed.add((MasterRestart.View) u.view().apply(new LiveViewer("someone", false)));
        }
    }, clock, r -> null);

    /** A service that records its starts and stops. */
    class Probe implements ManagedService {
        final ServiceName name;
        final List<ServiceName> needs;

        Probe(String name, String... needs) {
            this.name = new ServiceName(name);
            this.needs = java.util.Arrays.stream(needs).map(ServiceName::new).toList();
        }

        @Override
        public ServiceName name() {
            return name;
        }

        @Override
        public List<ServiceName> dependencies() {
            return needs;
        }

        @Override
        public void start(ServiceContext context) {
            calls.add("start " + name);
        }

        @Override
        public void stop() {
            calls.add("stop " + name);
        }
    }

    @AfterEach
    void stopAll() {
        fixture.runner.stop();
    }

    private void bootAll() {
        for (String s : List.of("feed", "pricing", "entries")) {
            fixture.runner.start(new ServiceName(s));
            await().until(() -> fixture.runner.health(new ServiceName(s)).orElseThrow().state() == ServiceState.RUNNING);
        }
        calls.clear();
    }

    @Test
    void aRequestStartsAThirtySecondCountdownThatEveryConsoleIsTold() {
        MasterRestart.View view = restart.request("admin");

        assertThat(view.phase()).isEqualTo(MasterRestart.Phase.COUNTDOWN);
        assertThat(view.restartAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(pushed).containsExactly(view);
        assertThat(audited).containsExactly("admin master_restart true");
    }

    @Test
    void whenTheCountdownEndsEveryServiceStopsInReverseOrderAndStartsInDependencyOrder() {
        bootAll();
        restart.request("admin");
        clock.advance(Duration.ofSeconds(29));
        assertThat(restart.runIfDue(clock.instant())).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(restart.runIfDue(clock.instant())).isTrue();

        await().until(() -> calls.size() == 6);
        assertThat(calls).containsExactly("stop entries", "stop pricing", "stop feed", "start feed", "start pricing",
                "start entries");
        assertThat(pushed).extracting(MasterRestart.View::phase).containsExactly(MasterRestart.Phase.COUNTDOWN,
                MasterRestart.Phase.RESTARTING, MasterRestart.Phase.DONE);
        assertThat(restart.view().services()).extracting(ServiceName::value).containsExactly("feed", "pricing", "entries");
    }

    @Test
    void anAdminCancelsTheCountdownAndNothingRestarts() {
        bootAll();
        restart.request("admin");
        clock.advance(Duration.ofSeconds(10));

        MasterRestart.View cancelled = restart.cancel("other-admin");
        clock.advance(Duration.ofSeconds(30));

        assertThat(restart.runIfDue(clock.instant())).isFalse();
        assertThat(cancelled.phase()).isEqualTo(MasterRestart.Phase.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("other-admin");
        assertThat(pushed.getLast()).isEqualTo(cancelled);
        assertThat(calls).isEmpty();
        assertThat(audited).containsExactly("admin master_restart true", "other-admin master_restart_cancel true");
    }

    @Test
    void aSecondRequestDuringTheCountdownIsRefused() {
        restart.request("admin");

        assertThatThrownBy(() -> restart.request("other-admin")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("already counting down (requested by admin)");
        assertThat(audited).containsExactly("admin master_restart true", "other-admin master_restart false");
    }

    @Test
    void thereIsNothingToCancelWithoutACountdown() {
        assertThatThrownBy(() -> restart.cancel("admin")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("no master restart is counting down");
    }
}
