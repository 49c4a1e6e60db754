package io.recio.trading.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.Role;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.CloseMethod;
import io.recio.trading.EntryMethod;
import io.recio.trading.StrikeView;
import io.recio.trading.ActiveTradeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradeView;
import io.recio.trading.TradeStatus;
import io.recio.trading.internal.ActiveTradeSupervisor;
import io.recio.trading.internal.ExecutionResult;
import io.recio.trading.internal.MarketBoard;
import io.recio.trading.internal.TradeExecutor;
import io.recio.trading.internal.TradeManager;
import io.recio.trading.venue.TimeInForce;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manual trading: buy a side of a strike, close an open trade, list trades and the live active trades.
 * A USER sees and closes only their own trades (another's is "not found"); a MASTER_ADMIN sees and closes all.
 */
@RestController
class TradesController {

    private final TradeManager trades;
    private final TradeExecutor executor;
    private final MarketBoard board;
    private final ActiveTradeSupervisor active;
    private final TradeHistory history;
    private final Clock clock;

    TradesController(TradeManager trades, TradeExecutor executor, MarketBoard board, ActiveTradeSupervisor active,
                     TradeHistory history, Clock clock) {
        this.trades = trades;
        this.executor = executor;
        this.board = board;
        this.active = active;
        this.history = history;
        this.clock = clock;
    }

    /** The most contracts one manual order may ask for; the risk limits usually allow far fewer. */
    static final long MAX_COUNT = 1_000_000;

    /** Body of {@code POST /api/trades}: prices as dollar strings ("0.9600"), count in whole contracts. */
    record OpenRequest(String ticker, String side, Long count, String worstPrice, String timeInForce) {
    }

    /** Answer of {@code POST /api/manual_expiration_check}: how many trades it moved to EXPIRED. */
    record Expired(int expired) {
    }

    /** Body of {@code POST /api/trades/{id}/close}; without a worst price the bid less the slippage is used. */
    record CloseRequest(String worstPrice) {
    }

    /** The longest Idempotency-Key accepted (a UUID is 36). */
    static final int MAX_KEY_LENGTH = 128;

    /**
     * Buys a side of a strike. With an {@code Idempotency-Key} header, a repeat of the key within its window
     * answers the first trade instead of sending another order. 201: filled (OPEN); 202: sent, outcome not known
     * yet (PENDING, looked up); 409 problem: rejected by the venue ({@code rejected}) or refused before sending
     * ({@code blocked}).
     */
    @PostMapping("/api/trades")
    ResponseEntity<TradeView> open(@RequestBody OpenRequest body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                   Principal user) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw ApiProblem.badInput("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " characters (one fresh UUID per click)");
        }
        MarketTicker ticker = parse("ticker", () -> MarketTicker.parse(body.ticker()));
        Side side = parse("side", () -> Side.parse(body.side()));
        if (body.count() == null || body.count() < 1 || body.count() > MAX_COUNT) {
            throw ApiProblem.badInput("count", "count must be a whole number of contracts from 1 to " + MAX_COUNT);
        }
        Price worst = parse("worst_price", () -> Price.parse(body.worstPrice()));
        if (worst.units() == 0) {
            throw ApiProblem.badInput("worst_price", "worst_price must be above 0");
        }
        TimeInForce tif = body.timeInForce() == null ? TimeInForce.IOC
                : parse("time_in_force", () -> TimeInForce.valueOf(body.timeInForce().trim().toUpperCase(Locale.ROOT)));
        Optional<StrikeView> view = board.strike(ticker);
        TradeManager.NewTrade intent = new TradeManager.NewTrade(user.getName(), ticker,
                view.map(StrikeView::strike).orElse(ticker.tokenValue()), side,
                view.map(StrikeView::close).orElse(ticker.event().close()), Count.ofContracts(body.count()), worst, tif,
                view.map(v -> v.probability(side)).orElse(null), view.map(v -> v.edge(side)).orElse(null),
                board.momentum(ticker.event().symbol()), board.spot(ticker.event().symbol()).orElse(null),
                EntryMethod.MANUAL);
        return switch (executor.enter(intent, idempotencyKey)) {
            case ExecutionResult.Blocked b -> throw ApiProblem.conflict("blocked", b.reason());
            case ExecutionResult.Sent s when s.trade().status() == TradeStatus.REJECTED ->
                    throw ApiProblem.conflict("rejected", "not filled: " + s.trade().rejectReason()
                            + "; nothing was bought (trade " + s.trade().id() + ")");
            case ExecutionResult.Sent s when s.trade().status() == TradeStatus.PENDING ->
                    ResponseEntity.status(HttpStatus.ACCEPTED).body(TradeView.of(s.trade()));
            case ExecutionResult.Sent s -> ResponseEntity.status(HttpStatus.CREATED).body(TradeView.of(s.trade()));
        };
    }

    @PostMapping("/api/trades/{id}/close")
    ResponseEntity<TradeView> close(@PathVariable long id, @RequestBody(required = false) CloseRequest body,
                                              Authentication user) {
        Trade trade = visible(id, user);
        Price worst;
        if (body != null && body.worstPrice() != null) {
            worst = parse("worst_price", () -> Price.parse(body.worstPrice()));
        } else {
            Optional<StrikeView> view = board.strike(trade.ticker());
            if (view.isEmpty()) {
                throw ApiProblem.badInput("worst_price", "worst_price is needed: no live book for this trade's market");
            }
            worst = active.worstExit(view.get().bid(trade.side()));
        }
        return answer(executor.close(id, CloseMethod.MANUAL, "closed by " + user.getName(), worst), HttpStatus.OK);
    }

    @GetMapping("/api/trades")
    List<TradeView> list(@RequestParam(required = false) String status, Authentication user) {
        List<Trade> found;
        if (status == null || status.isBlank()) {
            found = trades.recent(500);
        } else {
            TradeStatus s = parse("status", () -> TradeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            found = trades.withStatus(s);
        }
        return found.stream().filter(t -> maySee(t, user)).map(TradeView::of).toList();
    }

    /** One trade with its orders, fills and log. */
    @GetMapping("/api/trades/{id}")
    TradeDetailView one(@PathVariable long id, Authentication user) {
        visible(id, user);
        return history.detail(id).map(TradeDetailView::of).orElseThrow(() -> ApiProblem.notFound("no trade " + id));
    }

    @GetMapping("/api/active_trades")
    List<ActiveTradeView> active(Authentication user) {
        return active.active().stream().filter(a -> maySee(a.trade(), user)).map(ActiveTradeView::of).toList();
    }

    @PostMapping("/api/manual_expiration_check")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    Expired expirationCheck() {
        int expired = trades.expire(clock.instant(), board::spot);
        return new Expired(expired);
    }

    private ResponseEntity<TradeView> answer(ExecutionResult r, HttpStatus ok) {
        return switch (r) {
            case ExecutionResult.Sent s -> ResponseEntity.status(ok).body(TradeView.of(s.trade()));
            case ExecutionResult.Blocked b -> throw ApiProblem.conflict("blocked", b.reason());
        };
    }

    /** The trade, when it exists and the caller may see it; otherwise 404 (another user's trade does not exist for them). */
    private Trade visible(long id, Authentication user) {
        return trades.get(id).filter(t -> maySee(t, user))
                .orElseThrow(() -> ApiProblem.notFound("no trade " + id));
    }

    /** Whether the signed-in user may see a trade: their own, or any for a master admin. */
    static boolean maySee(Trade trade, Authentication user) {
        return trade.userId().equals(user.getName()) || Role.isMasterAdmin(user);
    }

    static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw ApiProblem.badInput(field, field + ": " + (e.getMessage() == null ? "missing" : e.getMessage()));
        }
    }
}
