package io.recio.simulator.exchange.internal;

import static io.recio.simulator.exchange.internal.Json.obj;
import static io.recio.simulator.exchange.internal.Json.time;

import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.SimulatedPrices;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/** Kalshi's wire shapes (REST objects and WebSocket message bodies) of the simulator's state. */
public final class Wire {

    static final int SETTLEMENT_TIMER_SECONDS = 60;
    /** Crypto events live on exchange shard 2 since 2026-08-24 (reference §9). */
    public static final int CRYPTO_EXCHANGE_INDEX = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h a z", Locale.US);
    private static final List<Map<String, Object>> PRICE_RANGES =
            List.of(obj("start", "0.0000", "end", "1.0000", "step", "0.0100"));

    private Wire() {
    }

    static String sixDp(Money money) {
        return money.toDollars() + "00";
    }

    static String name(Symbol symbol) {
        return symbol == Symbol.BTC ? "Bitcoin" : "Ethereum";
    }

    private static String indexName(Symbol symbol) {
        return symbol == Symbol.BTC ? "Bitcoin Real-Time Index (BRTI)" : "Ethereum Real-Time Index (ERTI)";
    }

    private static String strikeLabel(long strikeDollars) {
        return String.format(Locale.US, "$%,d or above", strikeDollars);
    }

    private static String title(SimMarket market) {
        return name(market.symbol) + " price on " + DAY.format(market.event.close().atZone(EventTicker.NEW_YORK)) + "?";
    }

    private static String rulesPrimary(SimMarket market) {
        ZonedDateTime close = market.event.close().atZone(EventTicker.NEW_YORK);
        String hour = HOUR.format(close);
        return "If the simple average of the sixty seconds of CF Benchmarks' " + indexName(market.symbol) + " before "
                + hour + " is above " + market.floor.toDollars(2) + " at " + hour + " on " + DAY.format(close)
                + ", then the market resolves to Yes.";
    }

    private static final String RULES_SECONDARY = "Not all cryptocurrency price data is the same. While checking a "
            + "source like Google or Coinbase may help guide your decision, the price used to determine this market is "
            + "based on CF Benchmarks' corresponding Real Time Index (RTI). At the last minute before expiration, 60 RTI "
            + "prices are collected. The official and final value is the average of these prices.";

    static Number floorStrike(SimMarket market) {
        return new java.math.BigDecimal(market.floor.toDollars(2));
    }

    /** The REST Market object. */
    static Map<String, Object> market(SimMarket market) {
        Book.Levels levels = market.book.levels();
        long bid = levels.bids().isEmpty() ? 0 : levels.bids().lastKey();
        long ask = levels.asks().isEmpty() ? Price.ONE_DOLLAR : levels.asks().firstKey();
        long bidSize = levels.bids().isEmpty() ? 0 : levels.bids().lastEntry().getValue();
        long askSize = levels.asks().isEmpty() ? 0 : levels.asks().firstEntry().getValue();
        Instant close = market.event.close();
        Instant latest = close.plus(Duration.ofDays(7));
        Map<String, Object> m = obj(
                "ticker", market.ticker,
                "event_ticker", market.event.toString(),
                "market_type", "binary",
                "title", title(market),
                "subtitle", strikeLabel(market.strikeDollars),
                "yes_sub_title", strikeLabel(market.strikeDollars),
                "no_sub_title", strikeLabel(market.strikeDollars),
                "created_time", time(market.created),
                "updated_time", time(market.updated),
                "open_time", time(market.event.open()),
                "close_time", time(close),
                "expected_expiration_time", time(close.plusSeconds(300)),
                "expiration_time", time(latest),
                "latest_expiration_time", time(latest),
                "occurrence_datetime", time(close.plusSeconds(300)),
                "settlement_timer_seconds", SETTLEMENT_TIMER_SECONDS,
                "status", market.status.wire,
                "notional_value_dollars", "1.0000",
                "yes_bid_dollars", new Price(bid).toDollars(),
                "yes_ask_dollars", new Price(ask).toDollars(),
                "no_bid_dollars", new Price(Price.ONE_DOLLAR - ask).toDollars(),
                "no_ask_dollars", new Price(Price.ONE_DOLLAR - bid).toDollars(),
                "yes_bid_size_fp", new Count(bidSize).toFp(),
                "yes_ask_size_fp", new Count(askSize).toFp(),
                "last_price_dollars", new Price(market.lastPriceUnits).toDollars(),
                "previous_yes_bid_dollars", new Price(market.previousYesBidUnits).toDollars(),
                "previous_yes_ask_dollars", new Price(market.previousYesAskUnits).toDollars(),
                "previous_price_dollars", new Price(market.previousPriceUnits).toDollars(),
                "volume_fp", market.volume.toFp(),
                "volume_24h_fp", market.volume.toFp(),
                "open_interest_fp", market.openInterest.toFp(),
                "liquidity_dollars", "0.0000",
                "result", market.result,
                "can_close_early", true,
                "expiration_value", market.expirationValue == null ? "" : market.expirationValue.toDollars(2),
                "rules_primary", rulesPrimary(market),
                "rules_secondary", RULES_SECONDARY,
                "price_level_structure", "linear_cent",
                "price_ranges", PRICE_RANGES,
                "strike_type", "greater",
                "floor_strike", floorStrike(market),
                "exchange_index", CRYPTO_EXCHANGE_INDEX);
        if (market.expirationValue != null) {
            m.put("settlement_value_dollars", "yes".equals(market.result) ? "1.0000" : "0.0000");
        }
        if (market.settled != null) {
            m.put("settlement_ts", time(market.settled));
        }
        return m;
    }

    /** The REST EventData object. */
    static Map<String, Object> event(Exchange.SimEvent event, boolean nested) {
        Instant close = event.ticker.close();
        ZonedDateTime ny = close.atZone(EventTicker.NEW_YORK);
        Map<String, Object> e = obj(
                "event_ticker", event.ticker.toString(),
                "series_ticker", event.ticker.series(),
                "sub_title", "On " + DAY.format(ny) + " at " + HOUR.format(ny),
                "title", name(event.symbol) + " price on " + DAY.format(ny) + " at " + HOUR.format(ny) + "?",
                "collateral_return_type", "",
                "mutually_exclusive", false,
                "category", "Crypto",
                "available_on_brokers", false,
                "strike_date", time(close),
                "settlement_sources", settlementSources(event.symbol),
                "last_updated_ts", time(event.updated),
                "exchange_index", CRYPTO_EXCHANGE_INDEX);
        if (nested) {
            e.put("markets", event.markets.stream().map(Wire::market).toList());
        }
        return e;
    }

    static List<Map<String, Object>> settlementSources(Symbol symbol) {
        return List.of(obj("name", "CF Benchmarks", "url",
                "https://www.cfbenchmarks.com/data/indices/" + symbol.cfBenchmarksIndex()));
    }

    /** The REST Series object of KXBTCD / KXETHD (shape of LIVE-BTC's series sample). */
    static Map<String, Object> series(Symbol symbol, Instant listed) {
        String asset = symbol == Symbol.BTC ? "BTC" : "ETH";
        return obj(
                "ticker", symbol.aboveBelowSeries(),
                "frequency", "hourly",
                "title", name(symbol) + " price Above/below",
                "category", "Crypto",
                "categories", List.of("Crypto"),
                "tags", List.of("Hourly", asset),
                "settlement_sources", settlementSources(symbol),
                "contract_url", "https://assets.kalshi.com/regulatory/product-certifications/" + asset + ".pdf",
                "contract_terms_url", "https://assets.kalshi.com/contract_terms/" + asset + ".pdf",
                "fee_type", "quadratic",
                "fee_multiplier", 1,
                "additional_prohibitions", List.of(),
                "last_updated_ts", time(listed),
                "exchange_index", CRYPTO_EXCHANGE_INDEX);
    }

    /** The REST order book: bids only per side, ascending, best last. */
    static Map<String, Object> orderbook(SimMarket market, int depth) {
        Book.Levels levels = market.book.levels();
        return obj("yes_dollars", side(levels.bids(), false, depth), "no_dollars", side(levels.asks(), true, depth));
    }

    private static List<List<String>> side(NavigableMap<Long, Long> levels, boolean noSide, int depth) {
        List<List<String>> out = new ArrayList<>();
        levels.forEach((price, size) -> out.add(List.of(
                new Price(noSide ? Price.ONE_DOLLAR - price : price).toDollars(), new Count(size).toFp())));
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return depth > 0 && out.size() > depth ? out.subList(out.size() - depth, out.size()) : out;
    }

    static Map<String, Object> snapshot(SimMarket market, Book.Levels levels) {
        Map<String, Object> msg = obj("market_ticker", market.ticker, "market_id", market.marketId);
        if (!levels.bids().isEmpty()) {
            msg.put("yes_dollars_fp", side(levels.bids(), false, 0));
        }
        if (!levels.asks().isEmpty()) {
            msg.put("no_dollars_fp", side(levels.asks(), true, 0));
        }
        return msg;
    }

    static Map<String, Object> delta(SimMarket market, long priceUnits, long deltaUnits, String side, Instant now) {
        return obj("market_ticker", market.ticker, "market_id", market.marketId,
                "price_dollars", new Price(priceUnits).toDollars(), "delta_fp", new Count(deltaUnits).toFp(),
                "side", side, "ts_ms", now.toEpochMilli());
    }

    static Map<String, Object> tickerMessage(SimMarket market, Book.Levels levels, Instant now) {
        long bid = levels.bids().isEmpty() ? 0 : levels.bids().lastKey();
        long ask = levels.asks().isEmpty() ? Price.ONE_DOLLAR : levels.asks().firstKey();
        long bidSize = levels.bids().isEmpty() ? 0 : levels.bids().lastEntry().getValue();
        long askSize = levels.asks().isEmpty() ? 0 : levels.asks().firstEntry().getValue();
        return obj("market_ticker", market.ticker, "market_id", market.marketId,
                "price_dollars", new Price(market.lastPriceUnits).toDollars(),
                "yes_bid_dollars", new Price(bid).toDollars(), "yes_ask_dollars", new Price(ask).toDollars(),
                "yes_bid_size_fp", new Count(bidSize).toFp(), "yes_ask_size_fp", new Count(askSize).toFp(),
                "last_trade_size_fp", market.lastTradeSize.toFp(), "volume_fp", market.volume.toFp(),
                "open_interest_fp", market.openInterest.toFp(),
                "dollar_volume", market.notionalUnits / Money.ONE_DOLLAR,
                "dollar_open_interest", market.openInterest.units() / Count.ONE_CONTRACT,
                "ts_ms", now.toEpochMilli(), "ts", now.getEpochSecond(), "time", time(now));
    }

    static Map<String, Object> trade(Exchange.Trade trade) {
        return obj("trade_id", trade.tradeId(), "market_ticker", trade.ticker(),
                "yes_price_dollars", new Price(trade.yesPriceUnits()).toDollars(),
                "no_price_dollars", new Price(Price.ONE_DOLLAR - trade.yesPriceUnits()).toDollars(),
                "count_fp", trade.count().toFp(),
                "taker_outcome_side", outcome(trade.takerSide()), "taker_book_side", book(trade.takerSide()),
                "taker_side", outcome(trade.takerSide()), "is_block_trade", false,
                "ts_ms", trade.time().toEpochMilli(), "ts", trade.time().getEpochSecond());
    }

    static Map<String, Object> restTrade(Exchange.Trade trade) {
        return obj("trade_id", trade.tradeId(), "ticker", trade.ticker(), "count_fp", trade.count().toFp(),
                "yes_price_dollars", new Price(trade.yesPriceUnits()).toDollars(),
                "no_price_dollars", new Price(Price.ONE_DOLLAR - trade.yesPriceUnits()).toDollars(),
                "taker_outcome_side", outcome(trade.takerSide()), "taker_book_side", book(trade.takerSide()),
                "taker_side", outcome(trade.takerSide()),
                "created_time", time(trade.time()), "is_block_trade", false);
    }

    static String outcome(SimOrder.BookSide side) {
        return side == SimOrder.BookSide.BID ? "yes" : "no";
    }

    static String book(SimOrder.BookSide side) {
        return side == SimOrder.BookSide.BID ? "bid" : "ask";
    }

    static Map<String, Object> fillMessage(SimAccount.Fill fill) {
        Map<String, Object> msg = obj("trade_id", fill.tradeId(), "order_id", fill.orderId(),
                "market_ticker", fill.ticker(), "exchange_index", CRYPTO_EXCHANGE_INDEX, "is_taker", fill.taker(),
                "yes_price_dollars", new Price(fill.yesPriceUnits()).toDollars(), "count_fp", fill.count().toFp(),
                "fee_cost", sixDp(fill.fee()), "outcome_side", outcome(fill.bookSide()),
                "book_side", book(fill.bookSide()), "post_position_fp", fill.postPosition().toFp(),
                "ts_ms", fill.time().toEpochMilli(),
                // deprecated but still required by the AsyncAPI schema; a V2 ask is "sell" of side "no" (LIVE-ORD)
                "side", outcome(fill.bookSide()), "action", fill.bookSide() == SimOrder.BookSide.BID ? "buy" : "sell",
                "purchased_side", outcome(fill.bookSide()), "ts", fill.time().getEpochSecond());
        if (fill.clientOrderId() != null) {
            msg.put("client_order_id", fill.clientOrderId());
        }
        return msg;
    }

    static Map<String, Object> restFill(SimAccount.Fill fill) {
        return obj("fill_id", fill.fillId(), "trade_id", fill.fillId(), "exchange_index", CRYPTO_EXCHANGE_INDEX,
                "order_id", fill.orderId(), "ticker", fill.ticker(), "market_ticker", fill.ticker(),
                "outcome_side", outcome(fill.bookSide()), "book_side", book(fill.bookSide()),
                "count_fp", fill.count().toFp(),
                "yes_price_dollars", new Price(fill.yesPriceUnits()).toDollars(),
                "no_price_dollars", new Price(Price.ONE_DOLLAR - fill.yesPriceUnits()).toDollars(),
                "is_taker", fill.taker(), "fee_cost", sixDp(fill.fee()),
                "created_time", time(fill.time()), "subaccount_number", 0, "ts", fill.time().getEpochSecond());
    }

    private static String status(SimOrder order) {
        return order.status.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> restOrder(SimOrder order) {
        Map<String, Object> o = obj("order_id", order.orderId, "user_id", order.accountId,
                "client_order_id", order.clientOrderId == null ? "" : order.clientOrderId,
                "ticker", order.ticker, "side", outcome(order.side),
                "action", order.side == SimOrder.BookSide.BID ? "buy" : "sell",
                "outcome_side", outcome(order.side), "book_side", book(order.side), "type", "limit",
                "status", status(order), "yes_price_dollars", order.price.toDollars(),
                "no_price_dollars", order.price.complement().toDollars(),
                "fill_count_fp", order.filled.toFp(), "remaining_count_fp", order.remaining.toFp(),
                "initial_count_fp", order.initial.toFp(),
                "taker_fees_dollars", sixDp(order.takerFees), "maker_fees_dollars", sixDp(order.makerFees),
                "taker_fill_cost_dollars", sixDp(order.takerFillCost),
                "maker_fill_cost_dollars", sixDp(order.makerFillCost),
                "created_time", time(order.created), "last_update_time", time(order.updated),
                "self_trade_prevention_type", order.selfTradePrevention, "subaccount_number", 0,
                "exchange_index", CRYPTO_EXCHANGE_INDEX);
        if (order.expirationSeconds != null) {
            o.put("expiration_time", time(Instant.ofEpochSecond(order.expirationSeconds)));
        }
        return o;
    }

    static Map<String, Object> userOrder(SimOrder order) {
        Map<String, Object> o = obj("order_id", order.orderId, "user_id", order.accountId, "ticker", order.ticker,
                "status", status(order), "outcome_side", outcome(order.side), "book_side", book(order.side),
                "side", outcome(order.side), "is_yes", order.side == SimOrder.BookSide.BID,
                "yes_price_dollars", order.price.toDollars(), "fill_count_fp", order.filled.toFp(),
                "remaining_count_fp", order.remaining.toFp(), "initial_count_fp", order.initial.toFp(),
                "taker_fill_cost_dollars", order.takerFillCost.toDollars(),
                "maker_fill_cost_dollars", order.makerFillCost.toDollars(),
                "taker_fees_dollars", order.takerFees.toDollars(), "maker_fees_dollars", order.makerFees.toDollars(),
                "client_order_id", order.clientOrderId == null ? "" : order.clientOrderId,
                "created_ts_ms", order.created.toEpochMilli(), "last_updated_ts_ms", order.updated.toEpochMilli(),
                "created_time", time(order.created), "last_update_time", time(order.updated),
                "self_trade_prevention_type", order.selfTradePrevention, "subaccount_number", 0);
        if (order.expirationSeconds != null) {
            o.put("expiration_ts_ms", order.expirationSeconds * 1000);
            o.put("expiration_time", time(Instant.ofEpochSecond(order.expirationSeconds)));
        }
        return o;
    }

    /** The V2 create/amend answer: counts and average fill price / fee in YES terms. */
    static Map<String, Object> orderOutcome(SimOrder order) {
        Map<String, Object> o = obj("order_id", order.orderId);
        if (order.clientOrderId != null) {
            o.put("client_order_id", order.clientOrderId);
        }
        o.put("fill_count", order.filled.toFp());
        o.put("remaining_count", order.remaining.toFp());
        if (order.filled.isPositive()) {
            o.put("average_fill_price", perContract(order.yesNotionalFilled, order.filled));
            o.put("average_fee_paid", perContract(order.takerFees.plus(order.makerFees), order.filled));
        }
        return o;
    }

    /** Money per contract, rounded half-up to $0.0001. */
    static String perContract(Money total, Count count) {
        long units = Math.floorDiv(Math.multiplyExact(total.units(), Count.ONE_CONTRACT) * 2 + count.units(),
                count.units() * 2);
        return new Money(units).toDollars();
    }

    static Map<String, Object> marketPosition(SimAccount account, SimAccount.Position position) {
        return obj("user_id", account.accountId, "market_ticker", position.ticker,
                "position_fp", position.contracts.toFp(), "position_cost_dollars", position.exposure.toDollars(),
                "realized_pnl_dollars", position.realizedPnl.toDollars(),
                "fees_paid_dollars", position.feesPaid.toDollars(),
                "position_fee_cost_dollars", position.feesPaid.toDollars(), "volume_fp", position.volume.toFp(),
                "subaccount", 0);
    }

    static Map<String, Object> restPosition(SimAccount.Position position) {
        return obj("ticker", position.ticker, "exchange_index", CRYPTO_EXCHANGE_INDEX,
                "total_traded_dollars", position.totalTraded.toDollars(), "position_fp", position.contracts.toFp(),
                "market_exposure_dollars", position.exposure.toDollars(),
                "realized_pnl_dollars", position.realizedPnl.toDollars(),
                "fees_paid_dollars", position.feesPaid.toDollars(),
                "resting_orders_count", 0, "last_updated_ts", time(position.lastUpdated));
    }

    static Map<String, Object> restSettlement(SimAccount.Settlement s) {
        return obj("ticker", s.ticker(), "exchange_index", CRYPTO_EXCHANGE_INDEX, "event_ticker", s.eventTicker(),
                "market_result", s.result(), "yes_count_fp", s.yesCount().toFp(),
                "yes_total_cost_dollars", s.yesCost().toDollars(), "no_count_fp", s.noCount().toFp(),
                "no_total_cost_dollars", s.noCost().toDollars(), "revenue", s.revenueCents(),
                "settled_time", time(s.settledTime()), "fee_cost", s.feeCost().toDollars(), "value", s.valueCents());
    }

    static Map<String, Object> lifecycleCreated(SimMarket market) {
        Instant close = market.event.close();
        return obj("market_ticker", market.ticker, "event_type", "created", "exchange_index", CRYPTO_EXCHANGE_INDEX,
                "open_ts", market.event.open().getEpochSecond(), "close_ts", close.getEpochSecond(),
                "price_level_structure", "linear_cent", "price_ranges", PRICE_RANGES,
                "strike_type", "greater", "floor_strike", floorStrike(market),
                "additional_metadata", obj("name", title(market), "title", title(market),
                        "yes_sub_title", strikeLabel(market.strikeDollars),
                        "no_sub_title", strikeLabel(market.strikeDollars), "rules_primary", rulesPrimary(market),
                        "rules_secondary", RULES_SECONDARY, "can_close_early", true,
                        "event_ticker", market.event.toString(),
                        "expected_expiration_ts", close.plusSeconds(300).getEpochSecond(),
                        "strike_type", "greater", "floor_strike", floorStrike(market)));
    }

    static Map<String, Object> lifecycleDetermined(SimMarket market) {
        return obj("market_ticker", market.ticker, "event_type", "determined", "result", market.result,
                "determination_ts", market.determined.getEpochSecond(),
                "settlement_value", "yes".equals(market.result) ? "1.0000" : "0.0000");
    }

    static Map<String, Object> lifecycleSettled(SimMarket market) {
        return obj("market_ticker", market.ticker, "event_type", "settled", "result", market.result,
                "settlement_value", "yes".equals(market.result) ? "1.0000" : "0.0000",
                "settled_ts", market.settled.getEpochSecond());
    }

    static Map<String, Object> eventLifecycle(Exchange.SimEvent event) {
        ZonedDateTime ny = event.ticker.close().atZone(EventTicker.NEW_YORK);
        return obj("event_ticker", event.ticker.toString(), "exchange_index", CRYPTO_EXCHANGE_INDEX,
                "title", name(event.symbol) + " price on " + DAY.format(ny) + " at " + HOUR.format(ny) + "?",
                "subtitle", "On " + DAY.format(ny) + " at " + HOUR.format(ny), "collateral_return_type", "",
                "series_ticker", event.ticker.series(), "strike_date", event.ticker.close().getEpochSecond());
    }

    /**
     * The {@code cfbenchmarks_value} body: the index at this second as CF Benchmarks' raw frame (a
     * string), its trailing 60 s average and, in the last minute before a quarter hour, the running
     * settlement-style average over (quarter − 60 s, now].
     */
    static Map<String, Object> indexValue(Symbol symbol, SimulatedPrices prices, Instant now, Instant nextClose) {
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        long ms = second.toEpochMilli();
        SpotPrice value = prices.indexAt(symbol, second);
        String id = symbol.cfBenchmarksIndex();
        String data = Json.write(obj("type", "value", "id", id, "time", ms, "value", value.toDollars(2)));
        Map<String, Object> msg = obj("index_id", id, "received_at", ms, "data", data,
                "avg_60s_data", obj("value", value8(prices.trailingAverage(symbol, second)), "window_size", 60,
                        "window_start_ts_ms", ms - 60_000, "window_end_ts_exclusive", ms + 1));
        long quarter = 15 * 60;
        long nextQuarter = (second.getEpochSecond() / quarter + 1) * quarter;
        if (second.getEpochSecond() % quarter == 0) {
            nextQuarter = second.getEpochSecond();
        }
        long windowStart = nextQuarter - 60;
        if (second.getEpochSecond() > windowStart) {
            long sum = 0;
            int n = 0;
            for (long s = windowStart + 1; s <= second.getEpochSecond(); s++) {
                sum += prices.indexAt(symbol, Instant.ofEpochSecond(s)).units();
                n++;
            }
            msg.put("last_60s_windowed_average_15min", obj("value", value8(new SpotPrice(Math.round((double) sum / n))),
                    "window_size", n, "window_start_ts_ms", windowStart * 1000, "window_end_ts_exclusive", ms + 1));
        }
        return msg;
    }

    private static String value8(SpotPrice price) {
        return price.toDollars(4) + "0000";
    }
}
