package io.recio.kalshi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Kalshi account as kalshi_account_sync last mirrored it, for the console's Account page. */
public interface KalshiAccount {

    KalshiBalance balance();

    /** Positions that hold contracts, by ticker. */
    List<KalshiPosition> positions();

    /** Orders resting on the book, oldest first. */
    List<KalshiOrder> restingOrders();

    /** The newest fills, at most {@code limit}. */
    List<KalshiFill> fills(int limit);

    /** The newest settlements, at most {@code limit}. */
    List<KalshiSettlement> settlements(int limit);

    /** Which Kalshi this account lives on and how fresh the mirror is. */
    Sync sync();

    /**
     * Where the account is and when it was last read in full.
     *
     * @param environment {@code simulator} (demo mode), {@code demo} (Kalshi's demo environment) or {@code production}
     * @param restUrl     the Kalshi REST endpoint in use (null until it is known)
     * @param lastSync    the end of the last full REST pass (null before the first)
     * @param interval    how often the REST pass runs; the socket keeps the mirror current in between
     */
    record Sync(String environment, String restUrl, Instant lastSync, Duration interval) {
    }
}
