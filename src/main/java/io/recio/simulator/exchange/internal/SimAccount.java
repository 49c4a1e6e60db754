package io.recio.simulator.exchange.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated Kalshi member: cash on the crypto shard, positions, orders, fills and settlements. */
public final class SimAccount {

    /** A market position: signed contracts (+ YES, − NO) with its cost basis and running totals. */
    static final class Position {
        final String ticker;
        final String eventTicker;
        Count contracts = Count.ZERO;
        Money exposure = Money.ZERO;
        Money realizedPnl = Money.ZERO;
        Money feesPaid = Money.ZERO;
        Money totalTraded = Money.ZERO;
        Count volume = Count.ZERO;
        Money yesCost = Money.ZERO;
        Money noCost = Money.ZERO;
        Count yesBought = Count.ZERO;
        Count noBought = Count.ZERO;
        Instant lastUpdated;

        Position(String ticker, String eventTicker, Instant now) {
            this.ticker = ticker;
            this.eventTicker = eventTicker;
            this.lastUpdated = now;
        }
    }

    /** A fill as {@code /portfolio/fills} and the {@code fill} channel report it. */
    record Fill(String fillId, String tradeId, String orderId, String ticker, SimOrder.BookSide bookSide,
                Count count, long yesPriceUnits, boolean taker, Money fee, Count postPosition, Instant time,
                String clientOrderId) {
    }

    /** A settled position as {@code /portfolio/settlements} reports it. */
    record Settlement(String ticker, String eventTicker, String result, Count yesCount, Money yesCost,
                      Count noCount, Money noCost, long revenueCents, Instant settledTime, Money feeCost,
                      Long valueCents) {
    }

    final String accountId;
    final String keyId;
    final PublicKey publicKey;
    Money cash;
    final Map<String, Position> positions = new LinkedHashMap<>();
    final Map<String, SimOrder> orders = new LinkedHashMap<>();
    final Map<String, String> orderIdByClientOrderId = new HashMap<>();
    /** The orders holding collateral, so the available balance costs O(resting), not O(all orders ever). */
    final java.util.Set<SimOrder> resting = new java.util.LinkedHashSet<>();
    final List<Fill> fills = new ArrayList<>();
    final List<Settlement> settlements = new ArrayList<>();
    Instant updated;

    SimAccount(String accountId, String keyId, PublicKey publicKey, Money cash, Instant now) {
        this.accountId = accountId;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.cash = cash;
        this.updated = now;
    }

    Money reserved() {
        Money total = Money.ZERO;
        for (SimOrder order : resting) {
            total = total.plus(order.reserved);
        }
        return total;
    }

    Money available() {
        return cash.minus(reserved());
    }
}
