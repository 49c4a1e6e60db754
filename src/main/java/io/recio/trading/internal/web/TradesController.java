package io.recio.trading.internal.web;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.CloseMethod;
import io.recio.trading.EntryMethod;
import io.recio.trading.StrikeView;
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
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual trading: buy a side of a strike, close an open trade, list trades and the live active trades. */
@RestController
class TradesController {

    private final TradeManager trades;
    private final TradeExecutor executor;
    private final MarketBoard board;
    private final ActiveTradeSupervisor active;
    private final Clock clock;

    TradesController(TradeManager trades, TradeExecutor executor, MarketBoard board, ActiveTradeSupervisor active,
                     Clock clock) {
        this.trades = trades;
        this.executor = executor;
        this.board = board;
        this.active = active;
        this.clock = clock;
    }

    /** Body of {@code POST /api/trades}: prices as dollar strings ("0.9600"), count in contracts. */
    record OpenRequest(String ticker, String side, Long count, String worstPrice, String timeInForce) {
    }

    /** Body of {@code POST /api/trades/{id}/close}; without a worst price the bid less the slippage is used. */
    record CloseRequest(String worstPrice) {
    }

    @PostMapping("/api/trades")
    ResponseEntity<Map<String, Object>> open(@RequestBody OpenRequest body, Principal user) {
        MarketTicker ticker = parse("ticker", () -> MarketTicker.parse(body.ticker()));
        Side side = parse("side", () -> Side.parse(body.side()));
        if (body.count() == null || body.count() < 1) {
            throw new BadRequest("count", "count must be a whole number of contracts, 1 or more");
        }
        Price worst = parse("worstPrice", () -> Price.parse(body.worstPrice()));
        if (worst.units() == 0) {
            throw new BadRequest("worstPrice", "worstPrice must be above 0");
        }
        TimeInForce tif = body.timeInForce() == null ? TimeInForce.IOC
                : parse("timeInForce", () -> TimeInForce.valueOf(body.timeInForce().trim().toUpperCase(Locale.ROOT)));
        Optional<StrikeView> view = board.strike(ticker);
        TradeManager.NewTrade intent = new TradeManager.NewTrade(user.getName(), ticker,
                view.map(StrikeView::strike).orElse(ticker.tokenValue()), side,
                view.map(StrikeView::close).orElse(ticker.event().close()), Count.ofContracts(body.count()), worst, tif,
                view.map(v -> v.probability(side)).orElse(null), view.map(v -> v.edge(side)).orElse(null),
                board.momentum(ticker.event().symbol()), board.spot(ticker.event().symbol()).orElse(null),
                EntryMethod.MANUAL);
        return answer(executor.enter(intent), HttpStatus.CREATED);
    }

    @PostMapping("/api/trades/{id}/close")
    ResponseEntity<Map<String, Object>> close(@PathVariable long id, @RequestBody(required = false) CloseRequest body,
                                              Principal user) {
        Price worst;
        if (body != null && body.worstPrice() != null) {
            worst = parse("worstPrice", () -> Price.parse(body.worstPrice()));
        } else {
            Optional<io.recio.trading.Trade> t = trades.get(id);
            Optional<StrikeView> view = t.flatMap(tr -> board.strike(tr.ticker()));
            if (view.isEmpty()) {
                throw new BadRequest("worstPrice", "worstPrice is needed: no live book for this trade's market");
            }
            worst = active.worstExit(view.get().bid(t.get().side()));
        }
        return answer(executor.close(id, CloseMethod.MANUAL, "closed by " + user.getName(), worst), HttpStatus.OK);
    }

    @GetMapping("/api/trades")
    List<Map<String, Object>> list(@RequestParam(required = false) String status) {
        if (status == null || status.isBlank()) {
            return trades.recent(500).stream().map(TradeJson::of).toList();
        }
        TradeStatus s = parse("status", () -> TradeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
        return trades.withStatus(s).stream().map(TradeJson::of).toList();
    }

    @GetMapping("/api/trades/{id}")
    ResponseEntity<Map<String, Object>> one(@PathVariable long id) {
        return trades.get(id).map(t -> {
            Map<String, Object> m = TradeJson.of(t);
            m.put("log", trades.logOf(id));
            return ResponseEntity.ok(m);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", Map.of("code", "not_found",
                "message", "no trade " + id))));
    }

    @GetMapping("/api/active_trades")
    List<Map<String, Object>> active() {
        return active.active().stream().map(TradeJson::of).toList();
    }

    @PostMapping("/api/manual_expiration_check")
    Map<String, Object> expirationCheck() {
        int expired = trades.expire(clock.instant(), board::spot);
        return Map.of("expired", expired);
    }

    private static ResponseEntity<Map<String, Object>> answer(ExecutionResult r, HttpStatus ok) {
        return switch (r) {
            case ExecutionResult.Sent s -> ResponseEntity.status(ok).body(TradeJson.of(s.trade()));
            case ExecutionResult.Blocked b -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("error", Map.of("code", "blocked", "message", b.reason())));
        };
    }

    static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequest(field, field + ": " + (e.getMessage() == null ? "missing" : e.getMessage()));
        }
    }
}
