package io.recio.feeds.internal;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest price each source has given for each symbol, and the choice of source for the next logged
 * second: Coinbase while it is fresh, the Kalshi CF Benchmarks index while Coinbase is stale, nothing when
 * both are stale (the second then stays a gap). Written by the feed threads, read by the price log.
 */
public final class SourceBoard {

    /** Coinbase Exchange's ticker, the primary source. */
    public static final String COINBASE = "coinbase";
    /** Kalshi's {@code cfbenchmarks_value} channel (BRTI / ETHUSD_RTI), the fallback. */
    public static final String KALSHI_INDEX = "kalshi-cfbenchmarks";

    /** The price a source offers for a second. */
    public record Reading(String source, SpotPrice price, Duration age) {
    }

    private static final class Slot {
        SpotPrice price;
        Instant lastMessageAt;
    }

    private final Duration staleAfter;
    private final Map<Symbol, Slot> primary = new EnumMap<>(Symbol.class);
    private final Map<Symbol, Slot> fallback = new EnumMap<>(Symbol.class);

    public SourceBoard(Duration staleAfter) {
        this.staleAfter = staleAfter;
        for (Symbol s : Symbol.values()) {
            primary.put(s, new Slot());
            fallback.put(s, new Slot());
        }
    }

    /** Coinbase accepted a trade price for {@code symbol}. */
    public void coinbasePrice(Symbol symbol, SpotPrice price, Instant receivedAt) {
        update(primary.get(symbol), price, receivedAt);
    }

    /** Coinbase showed {@code symbol} is alive (a heartbeat) without a new price. */
    public void coinbaseAlive(Symbol symbol, Instant receivedAt) {
        update(primary.get(symbol), null, receivedAt);
    }

    /** The fallback index printed a value for {@code symbol}. */
    public void indexValue(Symbol symbol, SpotPrice value, Instant receivedAt) {
        update(fallback.get(symbol), value, receivedAt);
    }

    /** The price the log should record at {@code now}, from the freshest acceptable source; empty means a gap. */
    public Optional<Reading> current(Symbol symbol, Instant now) {
        return fresh(primary.get(symbol), COINBASE, now).or(() -> fresh(fallback.get(symbol), KALSHI_INDEX, now));
    }

    /** Whether Coinbase is fresh for {@code symbol} at {@code now}. */
    public boolean coinbaseFresh(Symbol symbol, Instant now) {
        return fresh(primary.get(symbol), COINBASE, now).isPresent();
    }

    private Optional<Reading> fresh(Slot slot, String source, Instant now) {
        synchronized (slot) {
            if (slot.price == null || slot.lastMessageAt == null) {
                return Optional.empty();
            }
            Duration age = Duration.between(slot.lastMessageAt, now);
            if (age.compareTo(staleAfter) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Reading(source, slot.price, age.isNegative() ? Duration.ZERO : age));
        }
    }

    private static void update(Slot slot, SpotPrice price, Instant at) {
        synchronized (slot) {
            if (price != null) {
                slot.price = price;
            }
            if (slot.lastMessageAt == null || at.isAfter(slot.lastMessageAt)) {
                slot.lastMessageAt = at;
            }
        }
    }
}
