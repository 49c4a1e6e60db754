package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.recio.market.MarketTicker;
import io.recio.testsupport.MutableClock;
import io.recio.trading.TradingHold;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.VenueAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The trading lease is held per account the venue sends to, on one database (in-memory, migrated): instances
 * trading different accounts each lead; two trading one account do not; a key changed under an instance hands the
 * former account's lease back and takes the new one.
 */
class TradingLeaseTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final TradingLeaseProperties SETTINGS = new TradingLeaseProperties(true, Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final MutableClock clock = new MutableClock(T0);
    private final JdbcClient jdbc = database();

    /** A venue whose account the test names (null: not known yet). */
    static final class Venue implements OrderVenue {
        volatile String account;

        Venue(String account) {
            this.account = account;
        }

        @Override
        public String name() {
            return "kalshi-live";
        }

        @Override
        public Optional<String> accountKey() {
            return Optional.ofNullable(account);
        }

        @Override
        public OrderOutcome submit(OrderRequest request) {
            throw new UnsupportedOperationException("the lease sends nothing");
        }

        @Override
        public OrderLookup lookup(OrderRequest request) {
            throw new UnsupportedOperationException("the lease looks nothing up");
        }

        @Override
        public VenueAccount account(Collection<MarketTicker> fillsOf) {
            throw new UnsupportedOperationException("the lease reads no account");
        }
    }

    private static JdbcClient database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:lease-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(data);
    }

    private TradingLease lease(Venue venue) {
        KillSwitch killSwitch = mock(KillSwitch.class);
        when(killSwitch.engaged()).thenReturn(Optional.empty());
        return new TradingLease(jdbc, new TradingGate(killSwitch, clock, e -> { }), SETTINGS, venue, clock);
    }

    @Test
    void instancesTradingDifferentAccountsEachLeadAndTwoOnOneAccountDoNot() {
        TradingLease first = lease(new Venue("kalshi key aaaa"));
        TradingLease second = lease(new Venue("kalshi key bbbb"));
        TradingLease third = lease(new Venue("kalshi key aaaa"));

        first.beat();
        second.beat();
        third.beat();

        assertThat(first.held()).isTrue();
        assertThat(second.held()).as("another account, another lease").isTrue();
        assertThat(third.held()).as("the first one's account").isFalse();
        assertThat(third.mayReachVenue()).isFalse();
        assertThat(first.mayReachVenue()).isTrue();
    }

    @Test
    void aChangedKeyHandsTheFormerAccountsLeaseBackAndTakesTheNewOnesAfterAReconciliation() {
        Venue venue = new Venue("kalshi key aaaa");
        KillSwitch killSwitch = mock(KillSwitch.class);
        when(killSwitch.engaged()).thenReturn(Optional.empty());
        TradingGate gate = new TradingGate(killSwitch, clock, e -> { });
        TradingLease lease = new TradingLease(jdbc, gate, SETTINGS, venue, clock);
        TradingLease standby = lease(new Venue("kalshi key aaaa"));
        lease.beat();
        gate.release(TradingHold.Kind.RECONCILIATION);

        venue.account = "kalshi key bbbb";
        assertThat(lease.mayReachVenue()).as("an order would go to an account not leased").isFalse();
        lease.beat();
        standby.beat();

        assertThat(lease.held()).isTrue();
        assertThat(lease.mayReachVenue()).isTrue();
        assertThat(gate.holding(TradingHold.Kind.RECONCILIATION)).as("the new account is reconciled first").isTrue();
        assertThat(standby.held()).as("the former account's lease was handed back").isTrue();
    }

    @Test
    void anInstanceWaitsForTheLeaseUntilItsVenueNamesTheAccount() {
        Venue venue = new Venue(null);
        KillSwitch killSwitch = mock(KillSwitch.class);
        when(killSwitch.engaged()).thenReturn(Optional.empty());
        TradingGate gate = new TradingGate(killSwitch, clock, e -> { });
        TradingLease lease = new TradingLease(jdbc, gate, SETTINGS, venue, clock);

        lease.beat();
        assertThat(lease.held()).isFalse();
        assertThat(gate.holding(TradingHold.Kind.LEASE)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trading.trading_lease").query(Long.class).single()).isZero();

        venue.account = "kalshi key aaaa";
        lease.beat();
        assertThat(lease.held()).isTrue();
        assertThat(gate.holding(TradingHold.Kind.LEASE)).isFalse();
    }
}
