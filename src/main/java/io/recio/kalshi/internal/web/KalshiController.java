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

    /**
     * A symbol's current event and its markets.
     *
     * @param closeTime  the top of the hour the event settles at
     * @param observedAt when the books were last seen
     */
    record MarketEventView(String symbol, String eventTicker, String closeTime, String observedAt,
                           List<MarketQuoteView> markets) {

        static MarketEventView of(Symbol symbol, EventMarkets e) {
            return new MarketEventView(symbol.name(), e.event().toString(), e.event().close().toString(),
                    e.observedAt().toString(), e.quotes().stream().map(MarketQuoteView::of).toList());
        }
    }

    /**
     * One market's top of book, in Kalshi's fixed-point strings.
     *
     * @param strike           the strike in dollars and cents
     * @param lastPriceDollars null before the market's first trade
     */
    record MarketQuoteView(String ticker, String strikeType, String strike, String yesBidDollars, String yesBidSizeFp,
                           String yesAskDollars, String yesAskSizeFp, String noBidDollars, String noAskDollars,
                           String lastPriceDollars, String volumeFp, String observedAt) {

        static MarketQuoteView of(MarketQuote q) {
            return new MarketQuoteView(q.ticker().toString(), q.strike().type().wire(),
                    q.strike().reference().toDollars(2), q.yesBid().toDollars(), q.yesBidSize().toFp(),
                    q.yesAsk().toDollars(), q.yesAskSize().toFp(), q.noBid().toDollars(), q.noAsk().toDollars(),
                    q.lastPrice() == null ? null : q.lastPrice().toDollars(), q.volume().toFp(), q.at().toString());
        }
    }

    /**
     * The levels of one followed market.
     *
     * @param inSync whether the local book follows Kalshi's sequence without a gap
     * @param yesBids YES bids in YES prices, best first
     * @param noBids  NO bids in NO prices, best first
     */
    record OrderbookView(String ticker, boolean inSync, List<BookLevelView> yesBids, List<BookLevelView> noBids) {
    }

    /** One price level: the price and the contracts resting there. */
    record BookLevelView(String priceDollars, String countFp) {

        /** Best first: Kalshi sends ascending lists, people read books from the top. */
        static List<BookLevelView> bestFirst(List<OrderbookLevels.Level> levels) {
            return levels.reversed().stream()
                    .map(l -> new BookLevelView(l.price().toDollars(), l.size().toFp())).toList();
        }
    }

    /** The account as last synchronised from Kalshi: balance, open positions and resting orders. */
    record KalshiAccountView(KalshiBalanceView balance, List<KalshiPositionView> positions,
                             List<KalshiOrderView> restingOrders) {
    }

    /**
     * The balance.
     *
     * @param byExchangeIndex the available dollars per exchange shard, keyed by its index
     */
    record KalshiBalanceView(String availableDollars, String portfolioValueDollars, Map<String, String> byExchangeIndex,
                             String updatedAt) {

        static KalshiBalanceView of(KalshiBalance b) {
            Map<String, String> shards = new LinkedHashMap<>();
            b.byShard().forEach((k, v) -> shards.put(Integer.toString(k), v.toDollars()));
            return new KalshiBalanceView(b.available().toDollars(), b.portfolioValue().toDollars(), shards,
                    b.updatedAt().toString());
        }
    }

    /** One open position (positive: YES contracts, negative: NO). */
    record KalshiPositionView(String ticker, String positionFp, String marketExposureDollars, String realizedPnlDollars,
                              String feesPaidDollars, String updatedAt) {

        static KalshiPositionView of(KalshiPosition p) {
            return new KalshiPositionView(p.ticker(), p.position().toFp(), p.exposure().toDollars(),
                    p.realizedPnl().toDollars(), p.feesPaid().toDollars(), p.updatedAt().toString());
        }
    }

    /** One resting order. */
    record KalshiOrderView(String orderId, String clientOrderId, String ticker, String outcomeSide, String bookSide,
                           String yesPriceDollars, String remainingCountFp, String fillCountFp) {

        static KalshiOrderView of(KalshiOrder o) {
            return new KalshiOrderView(o.orderId(), o.clientOrderId(), o.ticker(), o.outcomeSide().wire(),
                    o.bookSide().wire(), o.yesPrice().toDollars(), o.remainingCount().toFp(), o.fillCount().toFp());
        }
    }

    /** One fill of the account. */
    record KalshiFillView(String tradeId, String orderId, String ticker, String outcomeSide, String bookSide,
                          String countFp, String yesPriceDollars, boolean isTaker, String feeDollars, String filledAt) {

        static KalshiFillView of(KalshiFill f) {
            return new KalshiFillView(f.tradeId(), f.orderId(), f.ticker(), f.outcomeSide().wire(), f.bookSide().wire(),
                    f.count().toFp(), f.yesPrice().toDollars(), f.taker(), f.fee().toDollars(), f.at().toString());
        }
    }

    /** One settled market of the account. */
    record KalshiSettlementView(String ticker, String eventTicker, String marketResult, String yesCountFp,
                                String noCountFp, String revenueDollars, String feeDollars, String settledAt) {

        static KalshiSettlementView of(KalshiSettlement s) {
            return new KalshiSettlementView(s.ticker(), s.eventTicker(), s.result(), s.yesCount().toFp(),
                    s.noCount().toFp(), s.revenue().toDollars(), s.fee().toDollars(), s.settledAt().toString());
        }
    }

    /** The newest fills, newest first. */
    record KalshiFillsView(List<KalshiFillView> fills) {
    }

    /** The newest settlements, newest first. */
    record KalshiSettlementsView(List<KalshiSettlementView> settlements) {
    }

    /** The current event of a symbol, its strikes and their top of book. */
    @GetMapping("/api/markets/{symbol}/current")
    MarketEventView current(@PathVariable String symbol) {
        Symbol s;
        try {
            s = Symbol.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("symbol", e.getMessage());
        }
        return watchdog.current(s).map(e -> MarketEventView.of(s, e))
                .orElseThrow(() -> ApiProblem.notFound("no current " + s + " event is known yet"));
    }

    /** The levels of one followed market: YES bids in YES prices, NO bids in NO prices, best first. */
    @GetMapping("/api/markets/{ticker}/orderbook")
    OrderbookView orderbook(@PathVariable String ticker) {
        return watchdog.book(ticker).map(b -> new OrderbookView(ticker, watchdog.inSync(ticker),
                        BookLevelView.bestFirst(b.yes()), BookLevelView.bestFirst(b.no())))
                .orElseThrow(() -> ApiProblem.notFound("market '" + ticker
                        + "' is not followed (only the current and next hourly events are)"));
    }

    @GetMapping("/api/account")
    KalshiAccountView account() {
        return new KalshiAccountView(KalshiBalanceView.of(account.balance()),
                account.openPositions().stream().map(KalshiPositionView::of).toList(),
                account.restingOrders().stream().map(KalshiOrderView::of).toList());
    }

    @GetMapping("/api/account/fills")
    KalshiFillsView fills(@RequestParam(defaultValue = "200") int limit) {
        return new KalshiFillsView(account.fills(limit(limit)).stream().map(KalshiFillView::of).toList());
    }

    @GetMapping("/api/account/settlements")
    KalshiSettlementsView settlements(@RequestParam(defaultValue = "200") int limit) {
        return new KalshiSettlementsView(account.settlements(limit(limit)).stream().map(KalshiSettlementView::of).toList());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 5000) {
            throw ApiProblem.badInput("limit", "limit must be 1 to 5000, got " + limit);
        }
        return limit;
    }
}
