package io.recio.trading.internal;

import io.recio.market.Money;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenueUnavailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A venue that answers as the test scripts it: each submit takes the next scripted answer (which may
 * be UNKNOWN, like a timed-out request, while the order still "exists"), lookups answer from what the
 * venue holds, and the account is whatever the test sets.
 */
final class ScriptedVenue implements OrderVenue {

    final List<OrderRequest> received = new ArrayList<>();
    final Map<String, OrderOutcome.Accepted> held = new HashMap<>();
    final Deque<Function<OrderRequest, OrderOutcome>> script = new ArrayDeque<>();
    final Deque<OrderLookup> lookupFailures = new ArrayDeque<>();
    VenueAccount account = new VenueAccount(Money.ZERO, List.of(), List.of(), List.of());
    boolean accountDown;

    /** Scripts the next submit: the venue keeps {@code kept} (or nothing) and answers {@code answer}. */
    void next(OrderOutcome.Accepted kept, OrderOutcome answer) {
        script.add(r -> {
            if (kept != null) {
                held.put(r.clientOrderId(), kept);
            }
            return answer;
        });
    }

    void reset() {
        received.clear();
        held.clear();
        script.clear();
        lookupFailures.clear();
        account = new VenueAccount(Money.ZERO, List.of(), List.of(), List.of());
        accountDown = false;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized OrderOutcome submit(OrderRequest request) {
        received.add(request);
        OrderOutcome.Accepted existing = held.get(request.clientOrderId());
        if (existing != null) {
            return existing;
        }
        Function<OrderRequest, OrderOutcome> answer = script.poll();
        if (answer == null) {
            throw new IllegalStateException("unscripted order " + request);
        }
        return answer.apply(request);
    }

    @Override
    public synchronized OrderLookup lookup(io.recio.trading.venue.OrderRequest request) {
        String clientOrderId = request.clientOrderId();
        OrderLookup failure = lookupFailures.poll();
        if (failure != null) {
            return failure;
        }
        OrderOutcome.Accepted a = held.get(clientOrderId);
        return a == null ? new OrderLookup.NotFound() : new OrderLookup.Found(a);
    }

    @Override
    public VenueAccount account(java.util.Collection<io.recio.market.MarketTicker> fillsOf) throws VenueUnavailableException {
        if (accountDown) {
            throw new VenueUnavailableException("venue down (scripted)");
        }
        return account;
    }
}
