package io.recio.simulator.exchange.internal;

import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.Fees;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.SimulatedPrices;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated exchange's state and rules: hourly events and their markets through their lifecycle,
 * the market makers' quotes, price-time matching, accounts, fees and settlement. Every method runs
 * under the exchange's lock, so each request sees and leaves a consistent state; WebSocket messages
 * are handed to the sink in the order the state changed.
 */
public final class Exchange {

    /** How long finalized events stay listed. */
    private static final Duration KEEP_FINALIZED = Duration.ofHours(24);
    private static final int MAX_TRADES = 20_000;
    /** Kalshi's per-strike position limit is $1,000,000 (reference §9, [3P]); no order may exceed it. */
    static final Count MAX_ORDER = Count.ofContracts(1_000_000);
    /** Ticker fields that change every second and do not by themselves make a new ticker message. */
    private static final Set<String> TIMESTAMPS = Set.of("ts_ms", "ts", "time");
    static final String MAKER_ACCOUNT = "market-maker";

    /** A parsed V2 create-order request. */
    public record OrderRequest(String ticker, String clientOrderId, SimOrder.BookSide side, Count count, Price price,
                               String timeInForce, String selfTradePrevention, boolean postOnly, boolean reduceOnly,
                               Long expirationSeconds, boolean cancelOnPause) {
    }

    /** A public trade as {@code /markets/trades} and the {@code trade} channel report it. */
    record Trade(String tradeId, String ticker, Count count, long yesPriceUnits, SimOrder.BookSide takerSide,
                 Instant time) {
    }

    private final SimulatedPrices prices;
    private final FaultSwitches faults;
    private final Clock clock;
    private final KalshiSimulatorSettings settings;
    private final Consumer<Object> sink;
    private final Instant started;
    private final Map<String, SimEvent> events = new LinkedHashMap<>();
    private final Map<String, SimMarket> markets = new LinkedHashMap<>();
    private final Map<String, SimAccount> accountsById = new LinkedHashMap<>();
    private final Map<String, SimAccount> accountsByKey = new HashMap<>();
    private final Deque<Trade> trades = new ArrayDeque<>();
    private long orderSequence;
    private long lastQuotedSecond = Long.MIN_VALUE;
    private final Set<SimOrder> touchedOrders = new LinkedHashSet<>();
    private final Set<String> touchedPositions = new LinkedHashSet<>();
    /** Where the members' state is kept on disk, or null for an exchange that forgets on exit (tests). */
    private ExchangeJournal journal;
    /** Whether a member's state changed since it was last kept. */
    private boolean dirty;

    /** An hourly event with its markets. */
    static final class SimEvent {
        final EventTicker ticker;
        final Symbol symbol;
        final Instant created;
        final List<SimMarket> markets = new ArrayList<>();
        Instant updated;

        SimEvent(EventTicker ticker, Symbol symbol, Instant created) {
            this.ticker = ticker;
            this.symbol = symbol;
            this.created = created;
            this.updated = created;
        }
    }

    public Exchange(SimulatedPrices prices, FaultSwitches faults, Clock clock, KalshiSimulatorSettings settings,
                    Consumer<Object> sink) {
        this.prices = prices;
        this.faults = faults;
        this.clock = clock;
        this.settings = settings;
        this.sink = sink;
        this.started = clock.instant();
    }

    /** When this exchange opened (the series' {@code last_updated_ts}). */
    public Instant started() {
        return started;
    }

    public Instant now() {
        return clock.instant();
    }

    public KalshiSimulatorSettings settings() {
        return settings;
    }

    public FaultSwitches faults() {
        return faults;
    }

    // ---------------------------------------------------------------- accounts

    public synchronized SimAccount openAccount(String keyId, PublicKey key, Money cash) {
        SimAccount account = new SimAccount(UUID.randomUUID().toString(), keyId, key, cash, now());
        accountsById.put(account.accountId, account);
        accountsByKey.put(keyId, account);
        dirty = true;
        persist();
        return account;
    }

    /**
     * Keeps the members' state (accounts, keys, orders, positions, fills, settlements) in {@code dir} from now
     * on, first loading what is kept there: resting orders rest again and the markets they and the positions
     * are in are listed again (a market past its close then closes, settles and pays as it would have).
     */
    public synchronized void keepIn(java.nio.file.Path dir) {
        journal = new ExchangeJournal(dir);
        ExchangeJournal.State state = journal.load();
        if (state == null) {
            return;
        }
        for (SimAccount account : state.accounts()) {
            accountsById.put(account.accountId, account);
            accountsByKey.put(account.keyId, account);
            for (SimAccount.Position position : account.positions.values()) {
                relist(position.ticker);
            }
            for (SimOrder order : account.orders.values()) {
                if (order.status == SimOrder.Status.RESTING) {
                    relist(order.ticker).book.rest(order);
                    account.resting.add(order);
                }
            }
        }
        orderSequence = Math.max(orderSequence, state.orderSequence());
    }

    /** The market of a kept order or position, listed again if the exchange does not list it now. */
    private SimMarket relist(String ticker) {
        SimMarket known = markets.get(ticker);
        if (known != null) {
            return known;
        }
        Instant now = now();
        MarketTicker parsed = MarketTicker.parse(ticker);
        SimEvent event = events.computeIfAbsent(parsed.event().toString(),
                t -> new SimEvent(parsed.event(), parsed.event().symbol(), now));
        long strike = (parsed.tokenValue().units() + 100) / SpotPrice.ONE_DOLLAR;
        SimMarket market = new SimMarket(ticker, UUID.nameUUIDFromBytes(ticker.getBytes()).toString(), parsed.event(),
                event.symbol, strike, now);
        markets.put(ticker, market);
        event.markets.add(market);
        event.markets.sort(Comparator.comparingLong((SimMarket m) -> m.strikeDollars).reversed());
        return market;
    }

    /** Writes the members' state to disk if it changed, before the change is answered or published. */
    private void persist() {
        if (journal != null && dirty) {
            journal.save(accountsById.values(), orderSequence);
            dirty = false;
        }
    }

    public synchronized Optional<SimAccount> accountByKey(String keyId) {
        return Optional.ofNullable(accountsByKey.get(keyId));
    }

    /** Runs {@code action} under the exchange lock (for reads that must see one consistent state). */
    public synchronized <T> T read(Supplier<T> action) {
        return action.get();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Brings the exchange up to the clock: lists events ahead, opens, closes, determines and settles
     * markets, re-quotes the makers on each new index second and publishes the index values.
     */
    public synchronized void tick() {
        Instant now = now();
        Instant currentClose = EventTicker.nextClose(now);
        for (Symbol symbol : Symbol.values()) {
            SpotPrice index = prices.indexAt(symbol, now);
            for (int i = 0; i <= settings.eventsAhead(); i++) {
                Instant close = currentClose.plus(Duration.ofHours(i));
                EventTicker ticker = EventTicker.aboveBelow(symbol, close);
                SimEvent event = events.computeIfAbsent(ticker.toString(), t -> {
                    SimEvent created = new SimEvent(ticker, symbol, now);
                    publishEventCreated(created);
                    return created;
                });
                listStrikesAround(event, index, now);
            }
        }
        for (SimMarket market : markets.values()) {
            advance(market, now);
            if (market.status == SimMarket.Status.ACTIVE) {
                cancelExpired(market, now);
            }
        }
        events.values().removeIf(event -> {
            boolean expired = event.markets.stream().allMatch(m -> m.status == SimMarket.Status.FINALIZED)
                    && event.ticker.close().plus(KEEP_FINALIZED).isBefore(now);
            if (expired) {
                event.markets.forEach(m -> markets.remove(m.ticker));
            }
            return expired;
        });
        long second = now.getEpochSecond();
        if (second != lastQuotedSecond) {
            lastQuotedSecond = second;
            for (SimMarket market : markets.values()) {
                if (market.status == SimMarket.Status.ACTIVE) {
                    requote(market, now);
                }
            }
            for (Symbol symbol : Symbol.values()) {
                publishIndex(symbol, now);
            }
        }
        persist();
    }

    private void listStrikesAround(SimEvent event, SpotPrice index, Instant now) {
        if (!now.isBefore(event.ticker.close())) {
            return;
        }
        List<SimMarket> added = new ArrayList<>();
        for (long strike : settings.strikesAround(event.symbol, index.dollars())) {
            SpotPrice floor = new SpotPrice(strike * SpotPrice.ONE_DOLLAR - 100);
            String ticker = MarketTicker.threshold(event.ticker, floor).toString();
            if (!markets.containsKey(ticker)) {
                SimMarket market = new SimMarket(ticker, UUID.nameUUIDFromBytes(ticker.getBytes()).toString(),
                        event.ticker, event.symbol, strike, now);
                markets.put(ticker, market);
                event.markets.add(market);
                added.add(market);
            }
        }
        if (!added.isEmpty()) {
            event.markets.sort(Comparator.comparingLong((SimMarket m) -> m.strikeDollars).reversed());
            event.updated = now;
            for (SimMarket market : added) {
                emit("market_lifecycle_v2", "market_lifecycle_v2", market.ticker, null, Wire.lifecycleCreated(market));
                advance(market, now);
            }
        }
    }

    private void advance(SimMarket market, Instant now) {
        Instant close = market.event.close();
        if (market.status == SimMarket.Status.INITIALIZED && !now.isBefore(market.event.open())
                && now.isBefore(close)) {
            market.status = SimMarket.Status.ACTIVE;
            market.updated = now;
            requote(market, now);
        }
        if ((market.status == SimMarket.Status.INITIALIZED || market.status == SimMarket.Status.ACTIVE)
                && !now.isBefore(close)) {
            Book.Levels before = market.book.levels();
            for (SimOrder order : market.book.removeAll(o -> true)) {
                if (!order.marketMaker) {
                    finish(order, SimOrder.Status.CANCELED, now);
                }
            }
            market.status = SimMarket.Status.CLOSED;
            market.updated = now;
            afterChange(market, before, now);
        }
        if (market.status == SimMarket.Status.CLOSED) {
            Optional<SpotPrice> average = prices.settlementAverage(market.symbol, close);
            if (average.isPresent()) {
                SpotPrice value = average.get();
                market.expirationValue = value;
                market.result = value.compareTo(market.floor) > 0 ? "yes" : "no";
                market.status = SimMarket.Status.DETERMINED;
                market.determined = now;
                market.updated = now;
                emit("market_lifecycle_v2", "market_lifecycle_v2", market.ticker, null, Wire.lifecycleDetermined(market));
            }
        }
        if (market.status == SimMarket.Status.DETERMINED
                && !now.isBefore(market.determined.plusSeconds(Wire.SETTLEMENT_TIMER_SECONDS))) {
            settle(market, now);
        }
    }

    /** Cancels GTC orders past their expiration_time, and those flagged cancel_order_on_pause during a pause. */
    private void cancelExpired(SimMarket market, Instant now) {
        boolean paused = faults.tradingPaused();
        long second = now.getEpochSecond();
        Book.Levels before = market.book.levels();
        List<SimOrder> gone = market.book.removeAll(o -> !o.marketMaker
                && ((o.expirationSeconds != null && o.expirationSeconds <= second) || (paused && o.cancelOnPause)));
        if (!gone.isEmpty()) {
            gone.forEach(o -> finish(o, SimOrder.Status.CANCELED, now));
            afterChange(market, before, now);
        }
    }

    private void settle(SimMarket market, Instant now) {
        boolean yes = "yes".equals(market.result);
        for (SimAccount account : accountsById.values()) {
            SimAccount.Position position = account.positions.remove(market.ticker);
            if (position == null) {
                continue;
            }
            dirty = true;
            long contracts = position.contracts.units();
            boolean wins = yes ? contracts > 0 : contracts < 0;
            Money revenue = wins ? new Money(Math.abs(contracts) * (Money.ONE_DOLLAR / Count.ONE_CONTRACT)) : Money.ZERO;
            account.cash = account.cash.plus(revenue);
            account.updated = now;
            Count yesCount = contracts > 0 ? position.contracts : Count.ZERO;
            Count noCount = contracts < 0 ? position.contracts.abs() : Count.ZERO;
            account.settlements.add(new SimAccount.Settlement(market.ticker, market.event.toString(), market.result,
                    yesCount, contracts > 0 ? position.exposure : Money.ZERO, noCount,
                    contracts < 0 ? position.exposure : Money.ZERO, revenue.cents(), now, position.feesPaid,
                    yes ? 100L : 0L));
            emit("market_positions", "market_position", market.ticker, account.accountId,
                    Wire.marketPosition(account, new SimAccount.Position(market.ticker, market.event.toString(), now)));
        }
        persist();
        market.openInterest = Count.ZERO;
        market.status = SimMarket.Status.FINALIZED;
        market.settled = now;
        market.updated = now;
        emit("market_lifecycle_v2", "market_lifecycle_v2", market.ticker, null, Wire.lifecycleSettled(market));
    }

    // ---------------------------------------------------------------- market makers

    private void requote(SimMarket market, Instant now) {
        if (market.status != SimMarket.Status.ACTIVE) {
            return;
        }
        Book.Levels before = market.book.levels();
        market.book.removeAll(o -> o.marketMaker);
        double index = prices.indexAt(market.symbol, now).dollars();
        long secondsLeft = Duration.between(now, market.event.close()).toSeconds();
        double fair = MarketMakerModel.probabilityAbove(index, market.floor.dollars(),
                prices.annualisedVolatility(market.symbol), secondsLeft);
        for (MarketMakerModel.Quote quote : MarketMakerModel.ladder(MarketMakerModel.quotedMid(fair))) {
            long sequence = ++orderSequence;
            // makers' orders are never shown to anyone, so a counter beats a SecureRandom UUID here
            SimOrder order = new SimOrder("mm-" + sequence, MAKER_ACCOUNT, true, "", market.ticker,
                    quote.bid() ? SimOrder.BookSide.BID : SimOrder.BookSide.ASK, Price.ofCents(quote.priceCents()),
                    Count.ofContracts(quote.contracts()), "good_till_canceled", "maker", false, now, sequence);
            match(market, order, now);
            if (order.remaining.isPositive()) {
                market.book.rest(order);
            }
        }
        afterChange(market, before, now);
    }

    // ---------------------------------------------------------------- orders

    /** Creates an order (V2): validates, checks collateral, matches, rests or cancels the rest. */
    public synchronized SimOrder create(SimAccount account, OrderRequest request) {
        try {
            return place(account, request);
        } finally {
            persist();
        }
    }

    private SimOrder place(SimAccount account, OrderRequest request) {
        Instant now = now();
        SimMarket market = activeMarket(request.ticker());
        if (faults.tradingPaused()) {
            throw ApiException.badRequest("trading_is_paused", "trading is paused for maintenance; cancels are allowed");
        }
        validateTerms(market, request.price(), request.count());
        if (request.clientOrderId() != null && account.orderIdByClientOrderId.containsKey(request.clientOrderId())) {
            throw new ApiException(409, "order_already_exists",
                    "an order with client_order_id " + request.clientOrderId() + " already exists");
        }
        if (request.expirationSeconds() != null && request.expirationSeconds() <= now.getEpochSecond()) {
            throw ApiException.badRequest("invalid_order", "expiration_time is in the past");
        }
        Count count = request.count();
        SimAccount.Position position = account.positions.get(market.ticker);
        long held = position == null ? 0 : position.contracts.units();
        long closable = request.side() == SimOrder.BookSide.BID ? Math.max(0, -held) : Math.max(0, held);
        if (request.reduceOnly()) {
            if (closable == 0) {
                throw ApiException.badRequest("invalid_order", "reduce_only order would not reduce a position");
            }
            count = new Count(Math.min(count.units(), closable));
        }
        SimOrder order = new SimOrder(UUID.randomUUID().toString(), account.accountId, false, request.clientOrderId(),
                market.ticker, request.side(), request.price(), count, request.timeInForce(),
                request.selfTradePrevention(), request.postOnly(), now, ++orderSequence);
        order.expirationSeconds = request.expirationSeconds();
        order.cancelOnPause = request.cancelOnPause();
        Money required = Money.cost(new Count(Math.max(0, count.units() - closable)), order.unitCost())
                .plus(Fees.takerFee(count, request.price()));
        if (account.available().compareTo(required) < 0) {
            throw ApiException.badRequest("available_balance_too_low", "available balance "
                    + account.available().toDollars() + " is below the " + required.toDollars() + " this order needs");
        }
        NavigableMap<Long, Deque<SimOrder>> opposite = market.book.opposite(order.side);
        if (request.postOnly() && crosses(order, opposite)) {
            throw ApiException.badRequest("invalid_order", "post_only order would cross the book");
        }
        if ("fill_or_kill".equals(order.timeInForce) && fillable(order, opposite) < count.units()) {
            register(account, order);
            finish(order, SimOrder.Status.CANCELED, now);
            flush(now);
            return order;
        }
        register(account, order);
        Book.Levels before = market.book.levels();
        match(market, order, now);
        if (order.status == SimOrder.Status.RESTING && order.remaining.isPositive()) {
            if ("good_till_canceled".equals(order.timeInForce)) {
                reserve(account, order);
                market.book.rest(order);
            } else {
                finish(order, SimOrder.Status.CANCELED, now);
            }
        }
        touchedOrders.add(order);
        afterChange(market, before, now);
        return order;
    }

    private void register(SimAccount account, SimOrder order) {
        dirty = true;
        account.orders.put(order.orderId, order);
        if (order.clientOrderId != null) {
            account.orderIdByClientOrderId.put(order.clientOrderId, order.orderId);
        }
        account.updated = order.created;
    }

    private void reserve(SimAccount account, SimOrder order) {
        SimAccount.Position position = account.positions.get(order.ticker);
        long held = position == null ? 0 : position.contracts.units();
        long closable = order.side == SimOrder.BookSide.BID ? Math.max(0, -held) : Math.max(0, held);
        order.reserved = Money.cost(new Count(Math.max(0, order.remaining.units() - closable)), order.unitCost());
        account.resting.add(order);
        dirty = true;
    }

    /** A cancelled order and how many contracts the cancel took off it. */
    public record Cancelled(SimOrder order, Count reducedBy) {
    }

    /** Cancels a resting order (reduce its remaining count to zero); allowed during a trading pause. */
    public synchronized Cancelled cancel(SimAccount account, String orderId) {
        SimOrder order = ownOrder(account, orderId);
        SimMarket market = orderMarket(order);
        requireResting(order);
        Count reducedBy = order.remaining;
        Instant now = now();
        Book.Levels before = market.book.levels();
        market.book.remove(order);
        finish(order, SimOrder.Status.CANCELED, now);
        persist();
        afterChange(market, before, now);
        return new Cancelled(order, reducedBy);
    }

    /** Decreases a resting order's remaining count by {@code reduceBy} or to {@code reduceTo}. */
    public synchronized SimOrder decrease(SimAccount account, String orderId, Count reduceBy, Count reduceTo) {
        SimOrder order = ownOrder(account, orderId);
        SimMarket market = orderMarket(order);
        requireResting(order);
        Count target = reduceTo != null ? reduceTo : order.remaining.minus(reduceBy);
        if (target.units() < 0 || target.compareTo(order.remaining) > 0) {
            throw ApiException.badRequest("invalid_order", "cannot decrease the remaining count "
                    + order.remaining.toFp() + " to " + target.toFp());
        }
        Instant now = now();
        Book.Levels before = market.book.levels();
        Count removed = order.remaining.minus(target);
        order.remaining = target;
        order.initial = order.initial.minus(removed);
        order.updated = now;
        if (target.isZero()) {
            market.book.remove(order);
            finish(order, SimOrder.Status.CANCELED, now);
        } else {
            reserve(accountsById.get(order.accountId), order);
            touchedOrders.add(order);
        }
        dirty = true;
        persist();
        afterChange(market, before, now);
        return order;
    }

    /** Amends price and/or total count (filled + desired resting); the order loses its queue place. */
    public synchronized SimOrder amend(SimAccount account, String orderId, String ticker, SimOrder.BookSide side,
                                       Price price, Count count, String updatedClientOrderId) {
        SimOrder order = ownOrder(account, orderId);
        if (!order.ticker.equals(ticker)) {
            throw ApiException.badRequest("order_ticker_mismatch", "order " + orderId + " is on " + order.ticker);
        }
        if (order.side != side) {
            throw ApiException.badRequest("order_side_mismatch", "order " + orderId + " is a "
                    + order.side.name().toLowerCase());
        }
        SimMarket market = orderMarket(order);
        requireResting(order);
        if (faults.tradingPaused()) {
            throw ApiException.badRequest("trading_is_paused", "trading is paused for maintenance; cancels are allowed");
        }
        validateTerms(market, price, count);
        Count newRemaining = count.minus(order.filled);
        if (!newRemaining.isPositive()) {
            throw ApiException.badRequest("invalid_order_size", "count " + count.toFp()
                    + " must exceed the filled " + order.filled.toFp());
        }
        if (updatedClientOrderId != null && !updatedClientOrderId.equals(order.clientOrderId)
                && account.orderIdByClientOrderId.containsKey(updatedClientOrderId)) {
            throw new ApiException(409, "order_already_exists", "client_order_id " + updatedClientOrderId + " is taken");
        }
        Money freed = order.reserved;
        Money needed = Money.cost(newRemaining, side == SimOrder.BookSide.BID ? price : price.complement());
        if (account.available().plus(freed).compareTo(needed.plus(Fees.takerFee(newRemaining, price))) < 0) {
            throw ApiException.badRequest("available_balance_too_low", "available balance is too low for the amended order");
        }
        Instant now = now();
        Book.Levels before = market.book.levels();
        market.book.remove(order);
        order.price = price;
        order.remaining = newRemaining;
        order.initial = count;
        order.updated = now;
        if (updatedClientOrderId != null) {
            account.orderIdByClientOrderId.remove(order.clientOrderId);
            order.clientOrderId = updatedClientOrderId;
            account.orderIdByClientOrderId.put(updatedClientOrderId, order.orderId);
        }
        match(market, order, now);
        if (order.status == SimOrder.Status.RESTING && order.remaining.isPositive()) {
            reserve(account, order);
            market.book.rest(order);
        }
        touchedOrders.add(order);
        dirty = true;
        persist();
        afterChange(market, before, now);
        return order;
    }

    public synchronized SimOrder order(SimAccount account, String orderId) {
        return ownOrder(account, orderId);
    }

    private SimOrder ownOrder(SimAccount account, String orderId) {
        SimOrder order = account.orders.get(orderId);
        if (order == null) {
            throw ApiException.notFound("order " + orderId + " not found");
        }
        return order;
    }

    private SimMarket orderMarket(SimOrder order) {
        SimMarket market = markets.get(order.ticker);
        if (market == null || market.status != SimMarket.Status.ACTIVE) {
            throw ApiException.badRequest("MARKET_INACTIVE", "market " + order.ticker + " is not open for trading");
        }
        return market;
    }

    private static void requireResting(SimOrder order) {
        if (order.status != SimOrder.Status.RESTING) {
            throw ApiException.badRequest("invalid_order", "order " + order.orderId + " is "
                    + order.status.name().toLowerCase() + ", not resting");
        }
    }

    private SimMarket activeMarket(String ticker) {
        SimMarket market = markets.get(ticker);
        if (market == null) {
            throw ApiException.notFound("market " + ticker + " not found");
        }
        if (market.status != SimMarket.Status.ACTIVE) {
            throw ApiException.badRequest("MARKET_INACTIVE", "market " + ticker + " is " + market.status.wire
                    + ", not open for trading");
        }
        return market;
    }

    private static void validateTerms(SimMarket market, Price price, Count count) {
        if (!count.isPositive()) {
            throw ApiException.badRequest("invalid_order_size", "count must be at least 0.01, got " + count.toFp());
        }
        if (count.compareTo(MAX_ORDER) > 0) {
            throw ApiException.badRequest("invalid_order_size", "count must be at most " + MAX_ORDER.toFp()
                    + " (the per-strike position limit), got " + count.toFp());
        }
        if (price.units() <= 0 || price.units() >= Price.ONE_DOLLAR || !price.isOnCentGrid()) {
            throw ApiException.badRequest("invalid_order", "price " + price.toDollars()
                    + " is not on the market's grid (0.0100 to 0.9900 in steps of 0.0100)");
        }
    }

    private static boolean crosses(SimOrder order, NavigableMap<Long, Deque<SimOrder>> opposite) {
        if (opposite.isEmpty()) {
            return false;
        }
        long best = opposite.firstKey();
        return order.side == SimOrder.BookSide.BID ? best <= order.price.units() : best >= order.price.units();
    }

    /** How much of {@code order} could fill now, honouring its self-trade prevention. */
    private static long fillable(SimOrder order, NavigableMap<Long, Deque<SimOrder>> opposite) {
        long total = 0;
        for (Map.Entry<Long, Deque<SimOrder>> level : opposite.entrySet()) {
            if (!priceAcceptable(order, level.getKey())) {
                break;
            }
            for (SimOrder resting : level.getValue()) {
                if (resting.accountId.equals(order.accountId)) {
                    if ("taker_at_cross".equals(order.selfTradePrevention)) {
                        return total;
                    }
                    continue;
                }
                total += resting.remaining.units();
            }
        }
        return total;
    }

    private static boolean priceAcceptable(SimOrder order, long restingPrice) {
        return order.side == SimOrder.BookSide.BID ? restingPrice <= order.price.units()
                : restingPrice >= order.price.units();
    }

    private void match(SimMarket market, SimOrder taker, Instant now) {
        NavigableMap<Long, Deque<SimOrder>> opposite = market.book.opposite(taker.side);
        while (taker.remaining.isPositive() && !opposite.isEmpty()) {
            Map.Entry<Long, Deque<SimOrder>> level = opposite.firstEntry();
            if (!priceAcceptable(taker, level.getKey())) {
                break;
            }
            Iterator<SimOrder> it = level.getValue().iterator();
            while (taker.remaining.isPositive() && it.hasNext()) {
                SimOrder resting = it.next();
                if (resting.accountId.equals(taker.accountId)) {
                    if ("taker_at_cross".equals(taker.selfTradePrevention)) {
                        finish(taker, SimOrder.Status.CANCELED, now);
                        return;
                    }
                    it.remove();
                    finish(resting, SimOrder.Status.CANCELED, now);
                    continue;
                }
                Count quantity = taker.remaining.compareTo(resting.remaining) <= 0 ? taker.remaining : resting.remaining;
                execute(market, taker, resting, quantity, level.getKey(), now);
                if (!resting.remaining.isPositive()) {
                    it.remove();
                }
            }
            if (level.getValue().isEmpty()) {
                opposite.remove(level.getKey());
            }
        }
    }

    private void execute(SimMarket market, SimOrder taker, SimOrder maker, Count quantity, long yesPriceUnits,
                         Instant now) {
        Price yesPrice = new Price(yesPriceUnits);
        Trade trade = new Trade(UUID.randomUUID().toString(), market.ticker, quantity, yesPriceUnits, taker.side, now);
        trades.addFirst(trade);
        if (trades.size() > MAX_TRADES) {
            trades.removeLast();
        }
        market.previousPriceUnits = market.lastPriceUnits;
        market.lastPriceUnits = yesPriceUnits;
        market.lastTradeSize = quantity;
        market.volume = market.volume.plus(quantity);
        market.notionalUnits += Money.cost(quantity, yesPrice).units();
        Money takerFee = Fees.takerFee(quantity, yesPrice);
        fillSide(market, taker, quantity, yesPrice, true, takerFee, trade, now);
        fillSide(market, maker, quantity, yesPrice, false, Money.ZERO, trade, now);
        emit("trade", "trade", market.ticker, null, Wire.trade(trade));
    }

    private void fillSide(SimMarket market, SimOrder order, Count quantity, Price yesPrice, boolean taker, Money fee,
                          Trade trade, Instant now) {
        order.filled = order.filled.plus(quantity);
        order.remaining = order.remaining.minus(quantity);
        order.updated = now;
        Price unit = order.side == SimOrder.BookSide.BID ? yesPrice : yesPrice.complement();
        Money cost = Money.cost(quantity, unit);
        order.yesNotionalFilled = order.yesNotionalFilled.plus(Money.cost(quantity, yesPrice));
        if (taker) {
            order.takerFees = order.takerFees.plus(fee);
            order.takerFillCost = order.takerFillCost.plus(cost);
        } else {
            order.makerFillCost = order.makerFillCost.plus(cost);
        }
        if (!order.remaining.isPositive()) {
            order.status = SimOrder.Status.EXECUTED;
            order.reserved = Money.ZERO;
            if (!order.marketMaker) {
                accountsById.get(order.accountId).resting.remove(order);
            }
        } else if (order.reserved.units() > 0) {
            Money release = order.reserved.compareTo(cost) < 0 ? order.reserved : cost;
            order.reserved = order.reserved.minus(release);
        }
        if (order.marketMaker) {
            return;
        }
        dirty = true;
        touchedOrders.add(order);
        SimAccount account = accountsById.get(order.accountId);
        Count before = positionOf(account, market).contracts;
        applyFill(account, market, order.side == SimOrder.BookSide.BID, quantity, unit, fee, now);
        Count after = positionOf(account, market).contracts;
        market.openInterest = new Count(Math.max(0, market.openInterest.units()
                + Math.abs(after.units()) - Math.abs(before.units())));
        // one fill per side of a trade, each with its own id; Kalshi's trade_id on a fill is that fill's id
        String fillId = taker ? trade.tradeId()
                : UUID.nameUUIDFromBytes((trade.tradeId() + "/maker").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        SimAccount.Fill fill = new SimAccount.Fill(fillId, fillId,
                order.orderId, market.ticker, order.side, quantity, yesPrice.units(), taker, fee, after, now,
                order.clientOrderId);
        account.fills.add(fill);
        emit("fill", "fill", market.ticker, account.accountId, Wire.fillMessage(fill));
        touchedPositions.add(account.accountId + "\n" + market.ticker);
    }

    private SimAccount.Position positionOf(SimAccount account, SimMarket market) {
        return account.positions.computeIfAbsent(market.ticker,
                t -> new SimAccount.Position(t, market.event.toString(), now()));
    }

    /**
     * Books a fill into an account: buying YES (a bid) or NO (an ask) costs the unit price; a bought
     * contract that meets an opposite one already held forms a pair worth $1, paid out at once
     * (Kalshi nets positions).
     */
    private static void applyFill(SimAccount account, SimMarket market, boolean boughtYes, Count quantity, Price unit,
                                  Money fee, Instant now) {
        SimAccount.Position position = account.positions.get(market.ticker);
        Money cost = Money.cost(quantity, unit);
        account.cash = account.cash.minus(cost).minus(fee);
        long held = position.contracts.units();
        boolean holdsOpposite = boughtYes ? held < 0 : held > 0;
        if (holdsOpposite) {
            long n = Math.abs(held);
            long closed = Math.min(quantity.units(), n);
            Money payout = new Money(closed * (Money.ONE_DOLLAR / Count.ONE_CONTRACT));
            account.cash = account.cash.plus(payout);
            Money costPortion = new Money(Math.multiplyExact(position.exposure.units(), closed) / n);
            Money closedCost = Money.cost(new Count(closed), unit);
            position.realizedPnl = position.realizedPnl.plus(payout.minus(closedCost).minus(costPortion));
            position.exposure = position.exposure.minus(costPortion);
            long opened = quantity.units() - closed;
            if (opened > 0) {
                position.exposure = Money.cost(new Count(opened), unit);
            }
        } else {
            position.exposure = position.exposure.plus(cost);
        }
        position.contracts = boughtYes ? position.contracts.plus(quantity) : position.contracts.minus(quantity);
        if (boughtYes) {
            position.yesBought = position.yesBought.plus(quantity);
            position.yesCost = position.yesCost.plus(cost);
        } else {
            position.noBought = position.noBought.plus(quantity);
            position.noCost = position.noCost.plus(cost);
        }
        position.feesPaid = position.feesPaid.plus(fee);
        position.totalTraded = position.totalTraded.plus(cost);
        position.volume = position.volume.plus(quantity);
        position.lastUpdated = now;
        account.updated = now;
    }

    private void finish(SimOrder order, SimOrder.Status status, Instant now) {
        if (status == SimOrder.Status.CANCELED) {
            order.remaining = Count.ZERO;
        }
        order.status = status;
        order.reserved = Money.ZERO;
        order.updated = now;
        if (!order.marketMaker) {
            dirty = true;
            touchedOrders.add(order);
            SimAccount account = accountsById.get(order.accountId);
            if (account != null) {
                account.resting.remove(order);
            }
        }
    }

    // ---------------------------------------------------------------- publication

    private void afterChange(SimMarket market, Book.Levels before, Instant now) {
        Book.Levels after = market.book.levels();
        diff(market, before.bids(), after.bids(), "yes", now);
        diff(market, before.asks(), after.asks(), "no", now);
        Map<String, Object> ticker = Wire.tickerMessage(market, after, now);
        String signature = ticker.entrySet().stream().filter(e -> !TIMESTAMPS.contains(e.getKey())).toList().toString();
        if (!signature.equals(market.lastTickerSignature)) {
            market.lastTickerSignature = signature;
            long bid = after.bids().isEmpty() ? 0 : after.bids().lastKey();
            long ask = after.asks().isEmpty() ? Price.ONE_DOLLAR : after.asks().firstKey();
            market.updated = now;
            emit("ticker", "ticker", market.ticker, null, ticker);
            market.previousYesBidUnits = bid;
            market.previousYesAskUnits = ask;
        }
        flush(now);
    }

    private void flush(Instant now) {
        // kept on disk before any member hears of the change: what was reported is never forgotten by a crash
        persist();
        for (SimOrder order : touchedOrders) {
            emit("user_orders", "user_order", order.ticker, order.accountId, Wire.userOrder(order));
        }
        touchedOrders.clear();
        for (String key : touchedPositions) {
            String[] parts = key.split("\n");
            SimAccount account = accountsById.get(parts[0]);
            SimAccount.Position position = account.positions.get(parts[1]);
            if (position != null) {
                emit("market_positions", "market_position", parts[1], account.accountId,
                        Wire.marketPosition(account, position));
            }
        }
        touchedPositions.clear();
    }

    /** Emits the level changes of one side; NO-side deltas carry NO prices (1 − the YES ask). */
    private void diff(SimMarket market, NavigableMap<Long, Long> before, NavigableMap<Long, Long> after, String side,
                      Instant now) {
        TreeMap<Long, Long> changes = new TreeMap<>();
        before.forEach((price, size) -> changes.merge(price, -size, Long::sum));
        after.forEach((price, size) -> changes.merge(price, size, Long::sum));
        changes.forEach((yesPrice, delta) -> {
            if (delta != 0) {
                long price = side.equals("yes") ? yesPrice : Price.ONE_DOLLAR - yesPrice;
                emit("orderbook_delta", "orderbook_delta", market.ticker, null,
                        Wire.delta(market, price, delta, side, now));
            }
        });
    }

    /** The {@code orderbook_snapshot} body of a market (read under the lock). */
    public synchronized Map<String, Object> snapshotMessage(String ticker) {
        SimMarket market = markets.get(ticker);
        return market == null ? null : Wire.snapshot(market, market.book.levels());
    }

    /** Runs {@code action} under the lock, so what it enqueues is ordered with every state change. */
    public synchronized void atomically(Runnable action) {
        action.run();
    }

    private void publishEventCreated(SimEvent event) {
        emit("market_lifecycle_v2", "event_lifecycle", null, null, Wire.eventLifecycle(event));
    }

    private void publishIndex(Symbol symbol, Instant now) {
        if (faults.indexStopped()) {
            return;
        }
        emit("cfbenchmarks_value", "cfbenchmarks_value", null, null,
                Wire.indexValue(symbol, prices, now, EventTicker.nextClose(now)));
    }

    private void emit(String channel, String type, String ticker, String accountId, Map<String, Object> msg) {
        sink.accept(new Outbound(channel, type, ticker, accountId, msg));
    }

    // ---------------------------------------------------------------- queries (callers hold the lock via read())

    List<SimEvent> events() {
        return List.copyOf(events.values());
    }

    Optional<SimEvent> event(String ticker) {
        return Optional.ofNullable(events.get(ticker));
    }

    List<SimMarket> markets() {
        return List.copyOf(markets.values());
    }

    Optional<SimMarket> market(String ticker) {
        return Optional.ofNullable(markets.get(ticker));
    }

    List<Trade> trades() {
        return List.copyOf(trades);
    }
}
