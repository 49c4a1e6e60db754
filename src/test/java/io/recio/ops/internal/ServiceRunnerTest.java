package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.ServiceStateChanged;
import io.recio.ops.TradingImpact;
import io.recio.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The runner with stand-in services under a test clock: order, retries, crashes, restarts, recorded transitions. */
class ServiceRunnerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(T0);
    /** Every start and stop of every probe, in order, e.g. "start feed". */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private final List<ServiceStateChanged> published = new CopyOnWriteArrayList<>();
    private ServiceRunner runner;

    /** A service that does what a test tells it to. */
    class Probe implements ManagedService {
        final ServiceName name;
        final List<ServiceName> needs;
        final AtomicInteger failingStarts = new AtomicInteger();
        final List<Instant> cycles = new CopyOnWriteArrayList<>();
        volatile RuntimeException crash;
        volatile ServiceContext context;
        Duration cycle = Duration.ofMillis(20);

        Probe(String name, String... needs) {
            this.name = new ServiceName(name);
            this.needs = Arrays.stream(needs).map(ServiceName::new).toList();
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
            this.context = context;
            if (failingStarts.getAndDecrement() > 0) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public Duration dutyCycle() {
            return cycle;
        }

        @Override
        public int doWork(Instant now) {
            RuntimeException e = crash;
            if (e != null) {
                crash = null;
                throw e;
            }
            if (cycles.isEmpty() || !cycles.getLast().equals(now)) {
                cycles.add(now);
            }
            return 0;
        }

        @Override
        public void stop() {
            calls.add("stop " + name);
        }
    }

    private ServiceRunner runner(boolean autostart, ManagedService... services) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (ManagedService s : services) {
            beans.registerSingleton(s.name().value(), s);
        }
        ServiceEventLog log = new ServiceEventLog(null) {
            @Override
            void record(ServiceName service, ServiceState state, String detail, Instant at) {
                recorded.add(service + " " + state);
            }
        };
        runner = new ServiceRunner(beans.getBeanProvider(ManagedService.class), log,
                e -> published.add((ServiceStateChanged) e), clock, autostart);
        runner.afterSingletonsInstantiated();
        return runner;
    }

    @AfterEach
    void stopAll() {
        if (runner != null) {
            runner.stop();
        }
    }

    private ServiceHealth health(Probe p) {
        return runner.health(p.name).orElseThrow();
    }

    @Test
    void servicesStartInDependencyOrderAndStopInReverse() {
        Probe feed = new Probe("feed");
        Probe pricing = new Probe("pricing", "feed");
        Probe entries = new Probe("auto_entry", "pricing");
        runner(true, entries, pricing, feed).start();
        await().atMost(WAIT).until(() -> health(entries).state() == ServiceState.RUNNING);

        runner.stop();

        assertThat(calls).containsExactly("start feed", "start pricing", "start auto_entry", "stop auto_entry",
                "stop pricing", "stop feed");
        assertThat(runner.all()).extracting(h -> h.name().value()).containsExactly("feed", "pricing", "auto_entry");
    }

    @Test
    void withAutostartOffNothingStartsUntilAsked() {
        Probe feed = new Probe("feed");
        runner(false, feed).start();

        assertThat(health(feed).state()).isEqualTo(ServiceState.STOPPED);
        runner.start(feed.name);
        await().atMost(WAIT).until(() -> health(feed).state() == ServiceState.RUNNING);
    }

    @Test
    void theDutyCycleRunsAtTheClocksTime() {
        Probe feed = new Probe("feed");
        runner(true, feed).start();
        await().atMost(WAIT).until(() -> feed.cycles.contains(T0));

        clock.advance(Duration.ofSeconds(7));

        await().atMost(WAIT).until(() -> feed.cycles.contains(T0.plusSeconds(7)));
    }

    @Test
    void aFailedStartIsFailedWithItsReasonAndTriedAgainWhenTheClockSaysSo() {
        Probe kalshi = new Probe("kalshi_api_watchdog");
        kalshi.failingStarts.set(2);
        runner(true, kalshi).start();
        await().atMost(WAIT).until(() -> health(kalshi).state() == ServiceState.FAILED);
        ServiceHealth failed = health(kalshi);
        assertThat(failed.lastError()).startsWith("could not start: connection refused (attempt 1");
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> T0.plusSeconds(3).equals(health(kalshi).nextAttemptAt()));
        clock.advance(Duration.ofSeconds(2));

        await().atMost(WAIT).until(() -> health(kalshi).state() == ServiceState.RUNNING);
        assertThat(calls).containsExactly("start kalshi_api_watchdog", "stop kalshi_api_watchdog",
                "start kalshi_api_watchdog", "stop kalshi_api_watchdog", "start kalshi_api_watchdog");
        assertThat(health(kalshi).restarts()).as("retries of one start are not restarts").isZero();
    }

    @Test
    void startRetriesBackOffToAMinute() {
        assertThat(List.of(1, 2, 3, 6, 7, 30).stream().map(ServiceRunner::retryDelay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 32L, 60L, 60L);
    }

    @Test
    void anExceptionEscapingTheDutyCycleIsACrashTheServiceIsStoppedAndFailed() {
        Probe pricing = new Probe("pricing");
        runner(true, pricing).start();
        await().atMost(WAIT).until(() -> health(pricing).state() == ServiceState.RUNNING);

        pricing.crash = new IllegalStateException("table index out of range");

        await().atMost(WAIT).until(() -> health(pricing).state() == ServiceState.FAILED);
        assertThat(health(pricing).lastError()).isEqualTo("crashed: table index out of range");
        assertThat(health(pricing).nextAttemptAt()).as("a crash waits for the detector").isNull();
        assertThat(runner.crashed(pricing.name)).isTrue();
        assertThat(calls).containsExactly("start pricing", "stop pricing");
    }

    @Test
    void aRestartIsStopThenStartAndNamesTheServicesAffected() {
        Probe feed = new Probe("feed");
        Probe pricing = new Probe("pricing", "feed");
        runner(true, feed, pricing).start();
        await().atMost(WAIT).until(() -> health(pricing).state() == ServiceState.RUNNING);
        clock.advance(Duration.ofMinutes(1));

        var restart = runner.restart(feed.name);

        assertThat(restart.affected()).containsExactly(pricing.name);
        await().atMost(WAIT).until(() -> health(feed).restarts() == 1 && health(feed).state() == ServiceState.RUNNING);
        assertThat(calls).containsExactly("start feed", "start pricing", "stop feed", "start feed");
        assertThat(health(feed).startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(health(pricing).state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aServiceReportsItsOwnHealthAndEveryTransitionIsRecorded() {
        Probe feed = new Probe("feed");
        runner(true, feed).start();
        await().atMost(WAIT).until(() -> health(feed).state() == ServiceState.RUNNING);

        feed.context.degraded("Coinbase is stale; prices come from the fallback", TradingImpact.NONE);
        assertThat(health(feed).state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(health(feed).lastError()).isEqualTo("Coinbase is stale; prices come from the fallback");
        feed.context.healthy();
        runner.stop(feed.name);

        assertThat(recorded).containsExactly("feed STARTING", "feed RUNNING", "feed DEGRADED", "feed RUNNING",
                "feed STOPPED");
        assertThat(published).extracting(e -> e.previous() + "->" + e.health().state())
                .containsExactly("STOPPED->STARTING", "STARTING->RUNNING", "RUNNING->DEGRADED", "DEGRADED->RUNNING",
                        "RUNNING->STOPPED");
    }

    @Test
    void aStoppedServiceCannotReportItselfRunning() {
        Probe feed = new Probe("feed");
        runner(true, feed).start();
        await().atMost(WAIT).until(() -> health(feed).state() == ServiceState.RUNNING);
        runner.stop(feed.name);

        feed.context.healthy();
        feed.context.degraded("late report", TradingImpact.SUSPEND_ENTRIES);

        assertThat(health(feed).state()).isEqualTo(ServiceState.STOPPED);
        assertThat(health(feed).tradingImpact()).isEqualTo(TradingImpact.NONE);
    }

    @Test
    void aProblemReportedWhileStartingMakesTheStartDegraded() {
        Probe watchdog = new Probe("watchdog") {
            @Override
            public void start(ServiceContext context) {
                super.start(context);
                context.degraded("Kalshi WebSocket down; books from REST snapshots");
            }
        };
        runner(true, watchdog).start();

        await().atMost(WAIT).until(() -> health(watchdog).state() == ServiceState.DEGRADED);
        assertThat(recorded).containsExactly("watchdog STARTING", "watchdog DEGRADED");
    }

    @Test
    void aBadDutyCycleStopsStartUp() {
        Probe feed = new Probe("feed");
        feed.cycle = Duration.ZERO;

        assertThatThrownBy(() -> runner(true, feed)).hasMessageContaining("feed has a duty cycle of PT0S");
    }

    @Test
    void anUnknownServiceIsNotFound() {
        runner(false, new Probe("feed"));

        assertThat(runner.health(new ServiceName("nope"))).isEmpty();
        assertThatThrownBy(() -> runner.restart(new ServiceName("nope"))).hasMessageContaining("no managed service named 'nope'");
        assertThat(new ArrayList<>(calls)).isEmpty();
    }
}
