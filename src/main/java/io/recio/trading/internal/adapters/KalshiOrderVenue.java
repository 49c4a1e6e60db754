package io.recio.trading.internal.adapters;

import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiTrading;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Side;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenueFill;
import io.recio.trading.venue.VenuePosition;
import io.recio.trading.venue.VenueUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trading's venue over the kalshi module's order API (Kalshi's demo or prod environment, or the
 * built-in simulator in demo mode). An accepted order is answered with its individual fills (each with
 * Kalshi's trade id, so fills seen again over the WebSocket or in reconciliation are not counted
 * twice); when those are not readable yet the answer is UNKNOWN and the lookup fetches them later.
 */
public final class KalshiOrderVenue implements OrderVenue {

    private final KalshiTrading kalshi;
    private final String name;

    public KalshiOrderVenue(KalshiTrading kalshi, String name) {
        this.kalshi = kalshi;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> accountKey() {
        return kalshi.accountKey();
    }

    @Override
    public OrderOutcome submit(OrderRequest r) {
        io.recio.kalshi.OrderRequest order;
        try {
            order = new io.recio.kalshi.OrderRequest(r.ticker(), r.side(),
                    r.action() == OrderAction.BUY ? io.recio.kalshi.OrderAction.BUY : io.recio.kalshi.OrderAction.SELL,
                    r.count(), r.worstPrice(),
                    r.timeInForce() == TimeInForce.IOC ? io.recio.kalshi.TimeInForce.IMMEDIATE_OR_CANCEL
                            : io.recio.kalshi.TimeInForce.FILL_OR_KILL,
                    r.reduceOnly(), r.clientOrderId());
        } catch (IllegalArgumentException e) {
            // Refused before it was sent: definitely not at Kalshi.
            return new OrderOutcome.Rejected("invalid_order", e.getMessage());
        }
        io.recio.kalshi.OrderOutcome outcome;
        try {
            outcome = kalshi.place(order);
        } catch (RuntimeException e) {
            return new OrderOutcome.Unknown(e.toString());
        }
        return switch (outcome) {
            case io.recio.kalshi.OrderOutcome.Accepted a -> withFills(r, a.orderId(), a.filled())
                    .<OrderOutcome>map(f -> f)
                    .orElseGet(() -> new OrderOutcome.Unknown("accepted as " + a.orderId() + " but its fills are not readable yet"));
            case io.recio.kalshi.OrderOutcome.Rejected j -> new OrderOutcome.Rejected(j.code(),
                    "HTTP " + j.httpStatus() + ": " + j.message());
            case io.recio.kalshi.OrderOutcome.Unknown u -> new OrderOutcome.Unknown(u.reason());
            case io.recio.kalshi.OrderOutcome.DuplicateClientOrderId d -> switch (lookup(r)) {
                case OrderLookup.Found f -> f.order();
                case OrderLookup.NotFound nf -> new OrderOutcome.Unknown("409 duplicate client order id, yet not found");
                case OrderLookup.Failed failed -> new OrderOutcome.Unknown("409 duplicate; lookup failed: " + failed.reason());
            };
        };
    }

    @Override
    public OrderLookup lookup(OrderRequest request) {
        try {
            Optional<KalshiOrder> found = kalshi.findOrderByClientId(request.ticker().toString(), request.clientOrderId());
            if (found.isEmpty()) {
                return new OrderLookup.NotFound();
            }
            KalshiOrder o = found.get();
            if (o.status() == io.recio.kalshi.OrderStatus.RESTING) {
                // An IOC/FOK order never rests; until Kalshi finishes it, its fills are not final.
                return new OrderLookup.Failed("order " + o.orderId() + " is still resting");
            }
            return withFills(request, o.orderId(), o.fillCount()).<OrderLookup>map(OrderLookup.Found::new)
                    .orElseGet(() -> new OrderLookup.Failed("fills of " + o.orderId() + " are not readable yet"));
        } catch (RuntimeException e) {
            return new OrderLookup.Failed(e.toString());
        }
    }

    @Override
    public VenueAccount account(Collection<MarketTicker> fillsOf) throws VenueUnavailableException {
        try {
            List<VenuePosition> positions = new ArrayList<>();
            Set<MarketTicker> markets = new LinkedHashSet<>(fillsOf);
            for (KalshiPosition p : kalshi.positions()) {
                Optional<MarketTicker> t = hourly(p.ticker());
                if (t.isPresent() && !p.position().isZero()) {
                    positions.add(new VenuePosition(t.get(), p.position()));
                    markets.add(t.get());
                }
            }
            List<VenueAccount.ClientFill> fills = new ArrayList<>();
            for (MarketTicker m : markets) {
                for (KalshiFill f : kalshi.fills(m.toString())) {
                    fills.add(new VenueAccount.ClientFill(null, f.orderId(), yesPriced(f)));
                }
            }
            List<io.recio.trading.SettlementNotice> settled = kalshi.settlements().stream()
                    .map(AccountSyncAdapter::notice).flatMap(Optional::stream).toList();
            return new VenueAccount(kalshi.balance().available(), positions, fills, settled);
        } catch (KalshiException e) {
            throw new VenueUnavailableException("Kalshi account read failed: " + e.getMessage(), e);
        }
    }

    /** The fills of one order priced in its side, when they add up to what Kalshi says filled. */
    private Optional<OrderOutcome.Accepted> withFills(OrderRequest r, String orderId, Count filled) {
        if (filled == null || filled.isZero()) {
            return Optional.of(new OrderOutcome.Accepted(orderId, List.of()));
        }
        try {
            List<VenueFill> fills = kalshi.fills(r.ticker().toString()).stream().filter(f -> orderId.equals(f.orderId()))
                    .map(f -> new VenueFill(f.tradeId(), f.count(),
                            r.side() == Side.YES ? f.yesPrice() : f.yesPrice().complement(), f.fee(), f.at()))
                    .toList();
            Count seen = fills.stream().map(VenueFill::count).reduce(Count.ZERO, Count::plus);
            return seen.compareTo(filled) >= 0 ? Optional.of(new OrderOutcome.Accepted(orderId, fills)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A fill at its YES price (Kalshi's fill names the book side, not the side our order was placed as). */
    static VenueFill yesPriced(KalshiFill f) {
        return new VenueFill(f.tradeId(), f.count(), f.yesPrice(), f.fee(), f.at());
    }

    /** Kalshi tickers recio trades; others (non-hourly markets on the same account) are not ours to reconcile. */
    static Optional<MarketTicker> hourly(String ticker) {
        try {
            return Optional.of(MarketTicker.parse(ticker));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
