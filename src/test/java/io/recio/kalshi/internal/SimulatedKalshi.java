package io.recio.kalshi.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.PemKeys;
import io.recio.kalshi.client.RateTier;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.MutableClock;
import io.recio.testsupport.PostgresTestDatabase;
import io.recio.testsupport.RecordingContext;
import io.recio.testsupport.ServiceStepper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The built-in exchange simulator on a free loopback port under a test clock (19:30Z on 2026-09-25, so
 * KXBTCD-26SEP2516 is open and KXBTCD-26SEP2517 listed), recio's kalshi services wired to it through the demo
 * credentials file, and the real PostgreSQL test database.
 */
final class SimulatedKalshi implements AutoCloseable {

    static final Instant START = Instant.parse("2026-09-25T19:30:00Z");

    final MutableClock clock = new MutableClock(START);
    final FixedPrices index = new FixedPrices(clock, "90000.00", "3000.00");
    final FaultSwitches faults = new FaultSwitches();
    final KalshiExchangeSimulator simulator;
    final Path dataDir;
    final JdbcClient jdbc;
    final List<Object> events = new CopyOnWriteArrayList<>();
    final KalshiConnector connector;
    final QuoteStore quotes;
    final AccountStore account;
    private ServiceStepper watchdog;
    private ServiceStepper accountSync;

    SimulatedKalshi() throws Exception {
        simulator = new KalshiExchangeSimulator(index, faults, clock,
                KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, false);
        dataDir = Files.createTempDirectory("recio-kalshi-test");
        simulator.writeDemoCredentials(dataDir);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresTestDatabase.url(),
                PostgresTestDatabase.USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        RecioProperties recio = new RecioProperties(Mode.DEMO, "127.0.0.1", dataDir,
                new RecioProperties.Ports(0, 0, 0));
        connector = new KalshiConnector(properties(Duration.ofSeconds(10)), recio, clock);
        quotes = new QuoteStore(jdbc);
        account = new AccountStore(jdbc);
    }

    /** Settings for tests: fast retries and reconnects, the default tier. */
    static KalshiProperties properties(Duration orderTimeout) {
        return new KalshiProperties(URI.create("http://unused/trade-api/v2"), URI.create("ws://unused/trade-api/ws/v2"),
                null, null, RateTier.BASIC, Duration.ofSeconds(5), orderTimeout, 8, Duration.ofMillis(10),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
                List.of(Symbol.BTC, Symbol.ETH),
                new KalshiProperties.Health(Duration.ofSeconds(30), 5, 0.2, 0.5, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new KalshiProperties.Environments(URI.create("http://unused/trade-api/v2"),
                        URI.create("ws://unused/trade-api/ws/v2"), URI.create("http://unused/trade-api/v2"),
                        URI.create("ws://unused/trade-api/ws/v2")));
    }

    /** The watchdog, started and stepped each duty cycle as ops would. */
    KalshiApiWatchdog startWatchdog() throws Exception {
        KalshiApiWatchdog w = new KalshiApiWatchdog(connector, events::add, quotes, clock,
                new RecioProperties(Mode.DEMO, "127.0.0.1", dataDir, new RecioProperties.Ports(0, 0, 0)), false);
        watchdog = ServiceStepper.start(w, clock);
        return w;
    }

    /** What the watchdog reported about itself. */
    RecordingContext watchdogHealth() {
        return watchdog.context();
    }

    /** The account sync, started and stepped each duty cycle as ops would. */
    KalshiAccountSync startAccountSync() throws Exception {
        KalshiAccountSync sync = new KalshiAccountSync(connector, account, events::add, clock);
        accountSync = ServiceStepper.start(sync, clock);
        return sync;
    }

    /**
     * A REST client of the demo account with its own settings (timeouts, attempts) and clock; on the top tier,
     * so the tests' own comparisons of every book are not slowed by recio's Basic-tier buckets.
     */
    KalshiRestClient rest(Clock clientClock, Duration orderTimeout, int readAttempts) throws InterruptedException {
        KalshiConnector.Endpoint endpoint = connector.endpoint();
        return new KalshiRestClient(new KalshiRestClient.Settings(endpoint.restUrl(), RateTier.PRESTIGE,
                Duration.ofSeconds(5), orderTimeout, readAttempts, Duration.ofMillis(10)), endpoint.credentials(),
                clientClock, HttpClient.newHttpClient());
    }

    /** A REST client of a fresh, separately funded account (a counterparty). */
    KalshiRestClient otherAccount() {
        KalshiExchangeSimulator.Credentials c = simulator.provisionAccount();
        return new KalshiRestClient(new KalshiRestClient.Settings(URI.create(c.restUrl()), RateTier.BASIC,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 4, Duration.ofMillis(10)),
                new KalshiCredentials(c.keyId(), PemKeys.parse(c.privateKeyPem())), clock, HttpClient.newHttpClient());
    }

    /** Moves the test clock and lets the exchange catch up (list, open, close, settle, re-quote). */
    void advanceTo(Instant instant) {
        clock.set(instant);
        simulator.tick();
    }

    /** Moves the clock on by whole seconds (the exchange re-quotes once per second of its clock). */
    void advanceBy(long seconds) {
        advanceTo(clock.instant().plusSeconds(seconds));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }

    @Override
    public void close() throws InterruptedException {
        if (watchdog != null) {
            watchdog.close();
        }
        if (accountSync != null) {
            accountSync.close();
        }
        simulator.stop();
    }
}
