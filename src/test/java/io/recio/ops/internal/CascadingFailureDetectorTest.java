package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import io.recio.ops.Incident;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingSuspension;
import io.recio.testsupport.MutableClock;
import io.recio.testsupport.RecordingContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The detector stepped by hand under a test clock, over a real runner with stand-in services: crashed services
 * are restarted with back-off and given up at the cap; stale data suspends trading until a calm period passes.
 */
class CascadingFailureDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OpsProperties SETTINGS = new OpsProperties(new OpsProperties.Detector(Duration.ofSeconds(1),
            Duration.ofSeconds(60), 3, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30)), new OpsProperties.Monitor(
            Duration.ofSeconds(15), Duration.ofDays(7), 70, 90, 80, 95, 80, 90, 80, 95),
            new OpsProperties.Retention(Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(1)), Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(T0);
    private final List<TradingSuspension> suspensions = new CopyOnWriteArrayList<>();
    private final List<String> incidentLines = new CopyOnWriteArrayList<>();
    private final List<AlertRaised> alerts = new CopyOnWriteArrayList<>();
    private volatile Instant newestPrice = T0;
    private RunnerFixture fixture;
    private CascadingFailureDetector detector;
    private volatile boolean databaseAnswers = true;
    /** The database watchdog over an in-memory database that answers while {@link #databaseAnswers}. */
    private final DatabaseWatchdog database = new DatabaseWatchdog(JdbcClient.create(new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
            if (!databaseAnswers) {
                throw new SQLException("Connection refused");
            }
            return DriverManager.getConnection("jdbc:h2:mem:detector");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }), clock);

    /** A service whose every duty cycle throws. */
    static final class Crasher implements ManagedService {
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public ServiceName name() {
            return new ServiceName("pricing");
        }

        @Override
        public void start(ServiceContext context) {
            starts.incrementAndGet();
        }

        @Override
        public Duration dutyCycle() {
            return Duration.ofMillis(10);
        }

        @Override
        public int doWork(Instant now) {
            throw new IllegalStateException("index out of range");
        }

        @Override
        public void stop() {
        }
    }

    private void start(ManagedService... services) {
        fixture = new RunnerFixture(clock, true, e -> { }, services);
        IncidentLog incidents = new IncidentLog(null, e -> { }) {
            @Override
            long open(String cause, Instant at) {
                incidentLines.add("OPEN " + cause);
                return 1;
            }

            @Override
            void add(long incident, Incident.Kind kind, String text, Instant at) {
                incidentLines.add(kind + " " + text);
            }

            @Override
            void close(long incident, Instant at) {
                incidentLines.add("CLOSE");
            }
        };
        DefaultListableBeanFactory freshness = new DefaultListableBeanFactory();
        freshness.registerSingleton("prices", (FreshnessSource) now -> List.of(
                new Freshness("BTC price", Freshness.Kind.PRICE, newestPrice)));
        detector = new CascadingFailureDetector(fixture.runner, database, freshness.getBeanProvider(FreshnessSource.class),
                incidents, e -> {
                    if (e instanceof TradingSuspension s) {
                        suspensions.add(s);
                    } else if (e instanceof AlertRaised a) {
                        alerts.add(a);
                    }
                }, SETTINGS, clock);
        detector.start(new RecordingContext(ServiceName.CASCADING_FAILURE_DETECTOR));
        fixture.runner.start();
    }

    @AfterEach
    void stop() {
        fixture.runner.stop();
    }

    private void stepAt(Duration after) {
        clock.set(T0.plus(after));
        detector.doWork(clock.instant());
    }

    private ServiceHealth pricing() {
        return fixture.runner.health(new ServiceName("pricing")).orElseThrow();
    }

    @Test
    void aServiceThatThrowsIsRestartedWithBackOffAndLeftFailedAtTheCap() {
        Crasher crasher = new Crasher();
        start(crasher);
        List<Integer> startsSeen = new ArrayList<>();
        long[] offsets = {1, 3, 7};
        for (long offset : offsets) {
            await().atMost(WAIT).until(() -> pricing().state() == ServiceState.FAILED && fixture.runner.crashed(
                    new ServiceName("pricing")));
            int before = crasher.starts.get();
            stepAt(Duration.ofSeconds(offset).minusMillis(1));
            assertThat(crasher.starts.get()).as("not before its back-off").isEqualTo(before);
            stepAt(Duration.ofSeconds(offset));
            await().atMost(WAIT).until(() -> crasher.starts.get() == before + 1);
            startsSeen.add(crasher.starts.get());
        }
        await().atMost(WAIT).until(() -> pricing().state() == ServiceState.FAILED && fixture.runner.crashed(
                new ServiceName("pricing")));

        stepAt(Duration.ofMinutes(2));

        assertThat(startsSeen).containsExactly(2, 3, 4);
        assertThat(crasher.starts.get()).as("given up after 3 restarts").isEqualTo(4);
        assertThat(pricing().state()).isEqualTo(ServiceState.FAILED);
        assertThat(incidentLines).anyMatch(l -> l.startsWith("OPEN pricing crashed: crashed: index out of range"))
                .anyMatch(l -> l.equals("ACTION restarted pricing (restart 1 of at most 3 in 10 min)"))
                .anyMatch(l -> l.equals("ACTION gave up on pricing after 3 restarts in 10 min; it stays FAILED "
                        + "until restarted by hand"));
        assertThat(alerts).filteredOn(a -> a.kind().equals("SERVICE_FAILED")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.subject()).isEqualTo("pricing");
        });
    }

    @Test
    void aServiceThatCrashedWhileTheDatabaseIsDownIsRestartedOnceItAnswersWithoutSpendingRestarts() {
        Crasher crasher = new Crasher();
        start(crasher);
        database.start(new RecordingContext(ServiceName.DATABASE_WATCHDOG));
        databaseAnswers = false;
        database.doWork(T0);
        await().atMost(WAIT).until(() -> pricing().state() == ServiceState.FAILED && fixture.runner.crashed(
                new ServiceName("pricing")));

        stepAt(Duration.ofMinutes(5));
        assertThat(crasher.starts.get()).as("held back while the database is down").isEqualTo(1);

        databaseAnswers = true;
        database.doWork(T0.plus(Duration.ofMinutes(5)));
        stepAt(Duration.ofMinutes(5).plusSeconds(1));

        await().atMost(WAIT).until(() -> crasher.starts.get() == 2);
        assertThat(incidentLines).contains("ACTION restarted pricing (restart 1 of at most 3 in 10 min)");
    }

    @Test
    void stalePricesSuspendEntriesAndTradingResumesAfterTheCalmPeriod() {
        start();
        newestPrice = T0.plusSeconds(60);
        stepAt(Duration.ofSeconds(60));
        assertThat(suspensions).singleElement().satisfies(s -> assertThat(s.suspended()).as(s.reasons().toString())
                .isFalse());

        stepAt(Duration.ofSeconds(70));
        assertThat(suspensions).hasSize(1);
        stepAt(Duration.ofSeconds(71));

        assertThat(suspensions.getLast().suspended()).isTrue();
        assertThat(suspensions.getLast().reasons()).containsExactly("BTC price is older than 10 s");

        newestPrice = T0.plusSeconds(80);
        stepAt(Duration.ofSeconds(80));
        newestPrice = T0.plusSeconds(109);
        stepAt(Duration.ofSeconds(109));
        assertThat(suspensions.getLast().suspended()).as("still calming").isTrue();
        newestPrice = T0.plusSeconds(110);
        stepAt(Duration.ofSeconds(110));

        assertThat(suspensions.getLast().suspended()).isFalse();
        assertThat(alerts).extracting(AlertRaised::kind).containsExactly("TRADING_SUSPENDED", "TRADING_RESUMED");
        assertThat(incidentLines).containsExactly("OPEN BTC price is older than 10 s",
                "ACTION suspended new entries: BTC price is older than 10 s",
                "ACTION the trouble is gone; trading resumes at " + T0.plusSeconds(110) + " unless it returns",
                "ACTION resumed trading after 30 s without trouble", "CLOSE");
    }

    @Test
    void nothingIsTroubleWithinTheStartUpGrace() {
        newestPrice = null;
        start();

        stepAt(Duration.ofSeconds(59));
        assertThat(suspensions.getLast().suspended()).isFalse();
        stepAt(Duration.ofSeconds(60));

        assertThat(suspensions.getLast().reasons()).containsExactly("no BTC price yet");
    }
}
