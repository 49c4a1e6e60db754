package io.recio.trading.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.Role;
import io.recio.market.Money;
import io.recio.trading.Trade;
import io.recio.trading.TradeFilter;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradePage;
import io.recio.trading.TradeSummary;
import io.recio.trading.TradeView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The History over the API: {@code /api/history/trades} (one page, newest first), {@code /api/history/summary} and
 * {@code /api/history/trades.csv} (every trade of the filter), all taking the filter parameters of
 * {@link TradeFilter#PARAMETERS} with dates in {@code time_zone}. A USER gets only their own trades.
 */
@RestController
class HistoryController {

    /** Columns of the CSV export, in order. */
    static final List<String> CSV_COLUMNS = List.of("id", "created_at", "opened_at", "closed_at", "user", "symbol",
            "event", "ticker", "strike", "side", "status", "entry_method", "requested", "contracts", "entry_price",
            "closed_contracts", "exit_price", "fees", "payout", "pnl", "result", "prob_at_entry", "edge_at_entry",
            "close_method", "close_reason", "reject_reason");

    private final TradeHistory history;

    HistoryController(TradeHistory history) {
        this.history = history;
    }

    /** One page of trades. */
    record PageView(List<TradeView> trades, int page, int size, long total, int pages) {
    }

    /** The summary with money as dollar strings. */
    record SummaryView(long trades, long finished, long wins, Double winRate, String grossPnl, String fees,
                       String netPnl, String averageEdge, Double averageProbability, List<EquityView> equity,
                       List<GroupView> byEntryMethod, List<GroupView> byProbability, List<GroupView> byMinutesToClose) {
    }

    /** The cumulative net PnL after one finished trade. */
    record EquityView(Instant at, long tradeId, String cumulative) {
    }

    /** The results of one group. */
    record GroupView(String label, long finished, long wins, Double winRate, String netPnl) {
    }

    @GetMapping("/api/history/trades")
    PageView trades(@RequestParam Map<String, String> query, Authentication user) {
        int page = whole(query, "page", 0, 0, Integer.MAX_VALUE);
        int size = whole(query, "size", 50, 1, TradeHistory.MAX_PAGE_SIZE);
        TradePage p = history.page(filter(query, user), page, size);
        return new PageView(p.trades().stream().map(TradeView::of).toList(), p.page(), p.size(), p.total(), p.pages());
    }

    @GetMapping("/api/history/summary")
    SummaryView summary(@RequestParam Map<String, String> query, Authentication user) {
        TradeSummary s = history.summary(filter(query, user));
        return new SummaryView(s.trades(), s.finished(), s.wins(), s.winRate(), dollars(s.grossPnl()),
                dollars(s.fees()), dollars(s.netPnl()), dollars(s.averageEdge()), s.averageProbability(),
                s.equity().stream().map(e -> new EquityView(e.at(), e.tradeId(), dollars(e.cumulative()))).toList(),
                groups(s.byEntryMethod()), groups(s.byProbability()), groups(s.byMinutesToClose()));
    }

    /** Every trade of the filter as CSV (UTC times, dollars, contracts), oldest first. */
    @GetMapping("/api/history/trades.csv")
    void csv(@RequestParam Map<String, String> query, Authentication user, HttpServletResponse response)
            throws IOException {
        TradeFilter filter = filter(query, user);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"recio-trades.csv\"");
        PrintWriter out = response.getWriter();
        out.print(String.join(",", CSV_COLUMNS) + "\r\n");
        history.forEach(filter, t -> out.print(csvLine(t) + "\r\n"));
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("the CSV export was cut off"));
        }
    }

    static String csvLine(Trade trade) {
        TradeView t = TradeView.of(trade);
        Object[] values = {t.id(), t.createdAt(), t.openedAt(), t.closedAt(), t.user(), t.symbol(), t.event(),
                t.ticker(), t.strike(), t.side(), t.status(), t.entryMethod(), t.requested(), t.contracts(),
                t.entryPrice(), t.closedContracts(), t.exitPrice(), t.fees(), t.payout(), t.pnl(), t.result(),
                t.probAtEntry(), t.edgeAtEntry(), t.closeMethod(), t.closeReason(), t.rejectReason()};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(values[i]));
        }
        return line.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading =+-@ is defused. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static TradeFilter filter(Map<String, String> query, Authentication user) {
        for (String name : query.keySet()) {
            if (!TradeFilter.PARAMETERS.contains(name) && !List.of("page", "size", "time_zone").contains(name)) {
                throw ApiProblem.badInput(name, "unknown parameter '" + name + "'; allowed: "
                        + String.join(", ", TradeFilter.PARAMETERS) + ", page, size, time_zone");
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(query.getOrDefault("time_zone", "America/New_York"));
        } catch (DateTimeException e) {
            throw ApiProblem.badInput("time_zone", "time_zone must be a zone like America/New_York");
        }
        TradeFilter f = TradeFilter.fromQuery(query::get, zone);
        return Role.isMasterAdmin(user) ? f : f.ownedBy(user.getName());
    }

    private static int whole(Map<String, String> query, String name, int fallback, int min, int max) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below with what is allowed
        }
        throw ApiProblem.badInput(name, name + " must be a whole number from " + min + " to " + max);
    }

    private static List<GroupView> groups(List<TradeSummary.Group> groups) {
        return groups.stream().map(g -> new GroupView(g.label(), g.finished(), g.wins(), g.winRate(),
                dollars(g.netPnl()))).toList();
    }

    private static String dollars(Money m) {
        return m == null ? null : m.toDollars();
    }
}
