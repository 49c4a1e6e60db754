package io.recio.trading.internal;

import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.venue.OrderVenue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trading lease (DESIGN.md §1): of all instances on one database, exactly one trades an account. The row is
 * keyed by the account the venue sends to ({@link OrderVenue#accountKey()}: the Kalshi API key's fingerprint), not by
 * the venue's name, so instances configured alike but trading different accounts do not wait for each other, and
 * two trading one account cannot both lead. The holder
 * renews its row every heartbeat; a standby takes the row over once it has expired, with the next fencing token.
 * Losing or not holding the lease is a {@link TradingHold.Kind#LEASE} hold (HALTED: the console stays, read-only);
 * winning it holds trading for a start-up reconciliation first. {@link #mayReachVenue()} is asked just before
 * every order leaves: it re-reads the row, so a holder that was paused past its lease (and has been replaced)
 * cannot send, even before its own heartbeat notices. Its own thread renews, so a slow pass elsewhere cannot
 * make it lapse.
 */
@Component
public class TradingLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradingLease.class);

    private final JdbcClient jdbc;
    private final TradingGate gate;
    private final TradingLeaseProperties properties;
    private final Clock clock;
    private final OrderVenue venue;
    private final String instanceId = UUID.randomUUID().toString();
    private final String instanceName = hostName() + " pid " + ProcessHandle.current().pid();
    private ScheduledExecutorService heartbeat;
    /** The account the lease is sought for, as the venue last named it; null until it is known. */
    private volatile String account;
    /** The fencing token held for {@link #account}, or 0 when this instance does not hold the lease. */
    private volatile long token;
    private volatile Instant heldUntil = Instant.EPOCH;
    private volatile String leader = "";

    public TradingLease(JdbcClient jdbc, TradingGate gate, TradingLeaseProperties properties, OrderVenue venue,
                        Clock clock) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.properties = properties;
        this.clock = clock;
        this.venue = venue;
    }

    /** Whether this instance holds the lease now (always, when the lease is off). */
    public boolean held() {
        return !properties.enabled() || (token > 0 && clock.instant().isBefore(heldUntil));
    }

    /** Who trades this account: this instance, or the holder last seen, e.g. "host pid 4711 (token 3)". */
    public String leader() {
        return properties.enabled() ? leader : instanceName + " (lease off)";
    }

    /**
     * The fencing check on the order path: whether this instance still holds the lease with its token and at least
     * the margin of it left, read from the database now. False means the order must not leave.
     */
    public boolean mayReachVenue() {
        if (!properties.enabled()) {
            return true;
        }
        long mine = token;
        String leased = account;
        if (mine <= 0 || leased == null) {
            return false;
        }
        try {
            // the credentials may have been switched since the lease was taken: the order would go to another account
            return venue.accountKey().filter(leased::equals).isPresent()
                    && jdbc.sql("SELECT COUNT(*) FROM trading.trading_lease WHERE account = ? AND holder = ?"
                            + " AND token = ? AND expires_at > ?")
                    .params(leased, instanceId, mine, Timestamp.from(clock.instant().plus(properties.margin())))
                    .query(Long.class).single() == 1;
        } catch (DataAccessException e) {
            log.warn("trading lease cannot be checked ({}); no order leaves", e.getMessage());
            return false;
        }
    }

    /** One heartbeat: renews the lease held, or takes it when free or expired; holds or releases trading. */
    public synchronized void beat() {
        Instant now = clock.instant();
        Instant until = now.plus(properties.ttl());
        boolean before = token > 0 && now.isBefore(heldUntil);
        long won;
        try {
            String wanted = venue.accountKey().orElse(null);
            if (!Objects.equals(wanted, account)) {
                // the credentials changed (or are known at last): the lease of the former account is given back
                if (account != null) {
                    log.warn("{} now trades {} instead of {}; the trading lease of {} is given back", venue.name(),
                            wanted, account, account);
                }
                handBack();
                lost(wanted == null ? "waiting to learn which account " + venue.name() + " trades"
                        : "waiting for the trading lease for " + wanted);
                before = false;
                account = wanted;
                leader = "";
            }
            if (wanted == null) {
                if (!gate.holding(TradingHold.Kind.LEASE)) {
                    lost("waiting to learn which account " + venue.name() + " trades");
                }
                return;
            }
            won = renewOrTake(now, until);
        } catch (DataAccessException e) {
            // the database is away: the lease runs out on its own; until then the fencing check refuses orders
            log.warn("trading lease heartbeat failed: {}", e.getMessage());
            if (token > 0 && !now.isBefore(heldUntil)) {
                lost("the trading lease ran out while the database was unreachable");
            }
            return;
        }
        if (won > 0) {
            token = won;
            heldUntil = until;
            leader = instanceName + " (this instance, token " + won + ")";
            if (!before) {
                log.info("trading lease for {} taken by {} with token {}; reconciling before trading", account,
                        instanceName, won);
                gate.hold(TradingHold.Kind.RECONCILIATION, TradingMode.HALTED, TradingGate.NOT_RECONCILED
                        + " (this instance just took the trading lease)");
                gate.release(TradingHold.Kind.LEASE);
            }
            return;
        }
        String holder = currentHolder().orElse("another instance");
        leader = holder;
        if (before || token > 0 || !gate.holding(TradingHold.Kind.LEASE)) {
            lost("standby: " + holder + " holds the trading lease for " + account);
        }
    }

    private void lost(String why) {
        if (token > 0) {
            log.warn("trading lease for {} lost by {}: {}", account, instanceName, why);
        }
        token = 0;
        heldUntil = Instant.EPOCH;
        gate.hold(TradingHold.Kind.LEASE, TradingMode.HALTED, why);
    }

    /** The token now held: renewed, taken over from an expired holder, or first created; 0 when another holds it. */
    private long renewOrTake(Instant now, Instant until) {
        long mine = token;
        if (mine > 0 && jdbc.sql("UPDATE trading.trading_lease SET heartbeat_at = ?, expires_at = ?"
                        + " WHERE account = ? AND holder = ? AND token = ? AND expires_at > ?")
                .params(ts(now), ts(until), account, instanceId, mine, ts(now)).update() == 1) {
            return mine;
        }
        int taken = jdbc.sql("UPDATE trading.trading_lease SET holder = ?, holder_name = ?, token = token + 1,"
                        + " acquired_at = ?, heartbeat_at = ?, expires_at = ? WHERE account = ? AND expires_at <= ?")
                .params(instanceId, instanceName, ts(now), ts(now), ts(until), account, ts(now)).update();
        if (taken == 1) {
            return jdbc.sql("SELECT token FROM trading.trading_lease WHERE account = ? AND holder = ?")
                    .params(account, instanceId).query(Long.class).optional().orElse(0L);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM trading.trading_lease WHERE account = ?").param(account)
                .query(Long.class).single() > 0) {
            return 0;
        }
        try {
            jdbc.sql("INSERT INTO trading.trading_lease (account, holder, holder_name, token, acquired_at, heartbeat_at,"
                            + " expires_at) VALUES (?, ?, ?, 1, ?, ?, ?)")
                    .params(account, instanceId, instanceName, ts(now), ts(now), ts(until)).update();
            return 1;
        } catch (DuplicateKeyException e) {
            return 0;
        }
    }

    private Optional<String> currentHolder() {
        return jdbc.sql("SELECT holder_name, token, expires_at FROM trading.trading_lease WHERE account = ?")
                .param(account)
                .query((rs, n) -> rs.getString(1) + " (token " + rs.getLong(2) + ", until "
                        + rs.getTimestamp(3).toInstant() + ")").optional();
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || heartbeat != null) {
            return;
        }
        gate.hold(TradingHold.Kind.LEASE, TradingMode.HALTED, "waiting for the trading lease of " + venue.name()
                + "'s account");
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("trading-lease").daemon().factory());
        long period = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::safeBeat, period, period, TimeUnit.MILLISECONDS);
    }

    private void safeBeat() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.error("trading lease heartbeat failed", e);
        }
    }

    /** Stops renewing and gives the lease up at once, so a standby need not wait for it to run out. */
    @Override
    public synchronized void stop() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        heartbeat = null;
        handBack();
    }

    /** Gives the lease held up at once (it expires now), so a standby need not wait for it to run out. */
    private void handBack() {
        long mine = token;
        token = 0;
        if (mine > 0) {
            try {
                jdbc.sql("UPDATE trading.trading_lease SET expires_at = ? WHERE account = ? AND holder = ? AND token = ?")
                        .params(ts(clock.instant()), account, instanceId, mine).update();
            } catch (DataAccessException e) {
                log.info("trading lease not handed back ({}); it runs out on its own", e.getMessage());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeat != null;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
