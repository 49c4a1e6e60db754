package io.recio.kalshi.internal.web;

import io.recio.ApiProblem;
import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.client.OrderbookLevels;
import io.recio.kalshi.internal.AccountStore;
import io.recio.kalshi.internal.KalshiApiWatchdog;
import io.recio.market.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Kalshi's markets and our account for recio's UI: the live books and the {@code trading} mirror. */
@RestController
class KalshiController {

    private final KalshiApiWatchdog watchdog;
    private final AccountStore account;

    KalshiController(KalshiApiWatchdog watchdog, AccountStore account) {
        this.watchdog = watchdog;
        this.account = account;
    }

    /** The current event of a symbol, its strikes and their top of book. */
    @GetMapping("/api/markets/{symbol}/current")
    Map<String, Object> current(@PathVariable String symbol) {
        Symbol s;
        try {
            s = Symbol.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("symbol", e.getMessage());
        }
        return watchdog.current(s).map(e -> event(s, e))
                .orElseThrow(() -> ApiProblem.notFound("no current " + s + " event is known yet"));
    }

    /** The levels of one followed market: YES bids in YES prices, NO bids in NO prices, best first. */
    @GetMapping("/api/markets/{ticker}/orderbook")
    Map<String, Object> orderbook(@PathVariable String ticker) {
        return watchdog.book(ticker).map(b -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ticker", ticker);
            body.put("in_sync", watchdog.inSync(ticker));
            body.put("yes_bids", levels(b.yes()));
            body.put("no_bids", levels(b.no()));
            return body;
        }).orElseThrow(() -> ApiProblem.notFound("market '" + ticker
                + "' is not followed (only the current and next hourly events are)"));
    }

    @GetMapping("/api/account")
    Map<String, Object> account() {
        KalshiBalance b = account.balance();
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("available_dollars", b.available().toDollars());
        balance.put("portfolio_value_dollars", b.portfolioValue().toDollars());
        Map<String, String> shards = new LinkedHashMap<>();
        b.byShard().forEach((k, v) -> shards.put(Integer.toString(k), v.toDollars()));
        balance.put("by_exchange_index", shards);
        balance.put("updated_at", b.updatedAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", balance);
        body.put("positions", account.openPositions().stream().map(KalshiController::position).toList());
        body.put("resting_orders", account.restingOrders().stream().map(KalshiController::order).toList());
        return body;
    }

    @GetMapping("/api/account/fills")
    Map<String, Object> fills(@RequestParam(defaultValue = "200") int limit) {
        return Map.of("fills", account.fills(limit(limit)).stream().map(KalshiController::fill).toList());
    }

    @GetMapping("/api/account/settlements")
    Map<String, Object> settlements(@RequestParam(defaultValue = "200") int limit) {
        return Map.of("settlements", account.settlements(limit(limit)).stream().map(KalshiController::settlement).toList());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 5000) {
            throw ApiProblem.badInput("limit", "limit must be 1 to 5000, got " + limit);
        }
        return limit;
    }

    private static Map<String, Object> event(Symbol symbol, EventMarkets e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.name());
        body.put("event_ticker", e.event().toString());
        body.put("close_time", e.event().close().toString());
        body.put("observed_at", e.observedAt().toString());
        body.put("markets", e.quotes().stream().map(KalshiController::quote).toList());
        return body;
    }

    private static Map<String, Object> quote(MarketQuote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticker", q.ticker().toString());
        m.put("strike_type", q.strike().type().wire());
        m.put("strike", q.strike().reference().toDollars(2));
        m.put("yes_bid_dollars", q.yesBid().toDollars());
        m.put("yes_bid_size_fp", q.yesBidSize().toFp());
        m.put("yes_ask_dollars", q.yesAsk().toDollars());
        m.put("yes_ask_size_fp", q.yesAskSize().toFp());
        m.put("no_bid_dollars", q.noBid().toDollars());
        m.put("no_ask_dollars", q.noAsk().toDollars());
        m.put("last_price_dollars", q.lastPrice() == null ? null : q.lastPrice().toDollars());
        m.put("volume_fp", q.volume().toFp());
        m.put("observed_at", q.at().toString());
        return m;
    }

    /** Best first: Kalshi sends ascending lists, people read books from the top. */
    private static List<Map<String, String>> levels(List<OrderbookLevels.Level> levels) {
        return levels.reversed().stream()
                .map(l -> Map.of("price_dollars", l.price().toDollars(), "count_fp", l.size().toFp())).toList();
    }

    private static Map<String, Object> position(KalshiPosition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticker", p.ticker());
        m.put("position_fp", p.position().toFp());
        m.put("market_exposure_dollars", p.exposure().toDollars());
        m.put("realized_pnl_dollars", p.realizedPnl().toDollars());
        m.put("fees_paid_dollars", p.feesPaid().toDollars());
        m.put("updated_at", p.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> order(KalshiOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", o.orderId());
        m.put("client_order_id", o.clientOrderId());
        m.put("ticker", o.ticker());
        m.put("outcome_side", o.outcomeSide().wire());
        m.put("book_side", o.bookSide().wire());
        m.put("yes_price_dollars", o.yesPrice().toDollars());
        m.put("remaining_count_fp", o.remainingCount().toFp());
        m.put("fill_count_fp", o.fillCount().toFp());
        return m;
    }

    private static Map<String, Object> fill(KalshiFill f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trade_id", f.tradeId());
        m.put("order_id", f.orderId());
        m.put("ticker", f.ticker());
        m.put("outcome_side", f.outcomeSide().wire());
        m.put("book_side", f.bookSide().wire());
        m.put("count_fp", f.count().toFp());
        m.put("yes_price_dollars", f.yesPrice().toDollars());
        m.put("is_taker", f.taker());
        m.put("fee_dollars", f.fee().toDollars());
        m.put("filled_at", f.at().toString());
        return m;
    }

    private static Map<String, Object> settlement(KalshiSettlement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticker", s.ticker());
        m.put("event_ticker", s.eventTicker());
        m.put("market_result", s.result());
        m.put("yes_count_fp", s.yesCount().toFp());
        m.put("no_count_fp", s.noCount().toFp());
        m.put("revenue_dollars", s.revenue().toDollars());
        m.put("fee_dollars", s.fee().toDollars());
        m.put("settled_at", s.settledAt().toString());
        return m;
    }
}
