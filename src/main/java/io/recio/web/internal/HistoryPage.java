package io.recio.web.internal;

import io.recio.ApiProblem;
import io.recio.accounts.Role;
import io.recio.accounts.UserPreferences;
import io.recio.market.Money;
import io.recio.trading.EntryMethod;
import io.recio.trading.Trade;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeFilter;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradePage;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeSummary;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * History: every trade the user may see, filtered and paged on the server, with the summary, the equity curve,
 * the results by entry method, probability band and minutes to the close, the CSV export of the filter, and one
 * trade's detail at {@code /history/{id}}.
 */
@Controller
class HistoryPage {

    static final int PAGE_SIZE = 50;

    private final TradeHistory history;
    private final UserPreferences preferences;
    private final JsonMapper json;

    HistoryPage(TradeHistory history, UserPreferences preferences, JsonMapper json) {
        this.history = history;
        this.preferences = preferences;
        this.json = json;
    }

    /** One row of the trade list, ready to show. */
    record Row(long id, String created, String market, String ticker, String side, String status, String method,
               String user, String contracts, String entry, String exit, String probability, String pnl, String tone,
               String result) {
    }

    /** One group of a breakdown, ready to show. */
    record GroupRow(String label, long finished, String winRate, String pnl, String tone) {
    }

    @GetMapping("/history")
    String history(@RequestParam Map<String, String> query, Authentication auth, Model model) {
        ZoneId zone = preferences.of(auth.getName()).timeZone();
        TradeFilter filter = TradeFilter.ALL;
        int page = 0;
        try {
            filter = TradeFilter.fromQuery(query::get, zone);
            page = page(query.get("page"));
        } catch (ApiProblem e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemField", e.field());
        }
        boolean admin = Role.isMasterAdmin(auth);
        if (!admin) {
            filter = filter.ownedBy(auth.getName());
        }
        TradePage p = history.page(filter, page, PAGE_SIZE);
        if (page > 0 && page >= p.pages()) {
            p = history.page(filter, p.pages() - 1, PAGE_SIZE);
        }
        TradeSummary s = history.summary(filter);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : TradeFilter.PARAMETERS) {
            values.put(name, query.getOrDefault(name, ""));
        }
        model.addAttribute("filter", values);
        model.addAttribute("filtered", values.values().stream().anyMatch(v -> !v.isBlank()));
        model.addAttribute("rows", p.trades().stream().map(t -> row(t, zone, admin)).toList());
        model.addAttribute("page", p);
        model.addAttribute("prevUrl", p.page() > 0 ? url("/history", values, p.page() - 1, null) : null);
        model.addAttribute("nextUrl", p.page() + 1 < p.pages() ? url("/history", values, p.page() + 1, null) : null);
        model.addAttribute("csvUrl", url("/api/history/trades.csv", values, null, zone));
        model.addAttribute("summary", s);
        model.addAttribute("net", Display.signedDollars(s.netPnl()));
        model.addAttribute("netTone", Display.tone(s.netPnl()));
        model.addAttribute("gross", Display.signedDollars(s.grossPnl()));
        model.addAttribute("fees", Display.dollars(s.fees()));
        model.addAttribute("winRate", Display.share(s.winRate()));
        model.addAttribute("avgEdge", Display.edge(s.averageEdge()));
        model.addAttribute("avgProbability", Display.percent(s.averageProbability()));
        model.addAttribute("byMethod", groups(s.byEntryMethod()));
        model.addAttribute("byProbability", groups(s.byProbability()));
        model.addAttribute("byMinutes", groups(s.byMinutesToClose()));
        model.addAttribute("equity", equity(s));
        model.addAttribute("admin", admin);
        model.addAttribute("symbols", List.of("BTC", "ETH"));
        model.addAttribute("methods", List.of(EntryMethod.values()));
        model.addAttribute("statuses", List.of(TradeStatus.values()));
        return "history";
    }

    @GetMapping("/history/{id}")
    String trade(@PathVariable long id, Authentication auth, Model model) {
        TradeDetail d = history.detail(id).filter(x -> Role.isMasterAdmin(auth)
                        || x.trade().userId().equals(auth.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no trade " + id));
        ZoneId zone = preferences.of(auth.getName()).timeZone();
        Trade t = d.trade();
        model.addAttribute("trade", t);
        model.addAttribute("row", row(t, zone, true));
        model.addAttribute("zone", zone);
        model.addAttribute("facts", facts(t, zone));
        model.addAttribute("orders", d.orders().stream().map(o -> new String[] {String.valueOf(o.attempt()),
                o.purpose(), o.action() + " " + o.side(), Display.contracts(o.count()), Display.cents(o.worstPrice()),
                o.timeInForce(), o.status(), Display.contracts(o.filled()), o.problem() == null ? "" : o.problem(),
                Display.dateTime(o.createdAt(), zone), Display.dateTime(o.resolvedAt(), zone), o.clientOrderId()})
                .toList());
        model.addAttribute("fills", d.fills().stream().map(f -> new String[] {Display.dateTime(f.filledAt(), zone),
                f.purpose(), Display.contracts(f.count()), Display.cents(f.price()), Display.dollars(f.fee()),
                f.fillId()}).toList());
        model.addAttribute("log", d.log().stream().map(l -> new String[] {Display.dateTime(l.at(), zone),
                transition(l.from(), l.to()),
                l.message()}).toList());
        return "trade";
    }

    private static Row row(Trade t, ZoneId zone, boolean showUser) {
        Money pnl = t.pnl();
        return new Row(t.id(), Display.dateTime(t.createdAt(), zone), Display.strikeToken(t.ticker().toString()),
                t.ticker().toString(), t.side().name(), t.status().name(), t.entryMethod().name(),
                showUser ? t.userId() : null, Display.contracts(t.contracts()), Display.cents(t.entryPrice()),
                Display.cents(t.exitPrice() != null ? t.exitPrice() : null), Display.percent(t.probAtEntry()),
                Display.signedDollars(pnl), Display.tone(pnl), t.result() == null ? "" : t.result());
    }

    private static List<String[]> facts(Trade t, ZoneId zone) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"Market", t.ticker().toString()});
        f.add(new String[] {"Side", t.side().name()});
        f.add(new String[] {"Status", t.status().name()});
        f.add(new String[] {"Owner", t.userId()});
        f.add(new String[] {"Entry", t.entryMethod().name()});
        f.add(new String[] {"Market closes", Display.hour(t.marketClose(), zone)});
        f.add(new String[] {"Contracts", Display.contracts(t.contracts()) + " of " + Display.contracts(t.requested())
                + " asked, " + Display.contracts(t.closedContracts()) + " sold"});
        f.add(new String[] {"Entry price", Display.cents(t.entryPrice()) + " (worst accepted "
                + Display.cents(t.worstEntryPrice()) + ")"});
        f.add(new String[] {"Exit price", Display.cents(t.exitPrice())});
        f.add(new String[] {"P at entry", Display.percent(t.probAtEntry())});
        f.add(new String[] {"Edge at entry", Display.edge(t.edgeAtEntry())});
        f.add(new String[] {"Spot at open / close", Display.spot(t.spotAtOpen()) + " / " + Display.spot(t.spotAtClose())});
        f.add(new String[] {"Fees", Display.dollars(t.fees())});
        f.add(new String[] {"Payout", Display.dollars(t.payout())});
        f.add(new String[] {"PnL", Display.signedDollars(t.pnl()) + (t.result() == null ? "" : " (" + t.result() + ")")});
        if (t.closeMethod() != null) {
            f.add(new String[] {"Closed by", t.closeMethod().name() + (t.closeReason() == null ? "" : ": " + t.closeReason())});
        }
        if (t.rejectReason() != null) {
            f.add(new String[] {"Not filled", t.rejectReason()});
        }
        f.add(new String[] {"Created", Display.dateTime(t.createdAt(), zone)});
        f.add(new String[] {"Opened", Display.dateTime(t.openedAt(), zone)});
        f.add(new String[] {"Finished", Display.dateTime(t.closedAt(), zone)});
        return f;
    }

    /** A log line's status change: {@code OPEN → CLOSING}, or the one status when it did not change. */
    private static String transition(TradeStatus from, TradeStatus to) {
        if (from == null || to == null || from == to) {
            return to != null ? to.name() : from != null ? from.name() : "";
        }
        return from + " → " + to;
    }

    private static List<GroupRow> groups(List<TradeSummary.Group> groups) {
        return groups.stream().filter(g -> g.finished() > 0).map(g -> new GroupRow(g.label(), g.finished(),
                Display.share(g.winRate()), Display.signedDollars(g.netPnl()), Display.tone(g.netPnl()))).toList();
    }

    /** The equity curve for the chart: [[epoch ms, dollars], ...] as JSON. */
    private String equity(TradeSummary s) {
        List<double[]> points = s.equity().stream()
                .map(e -> new double[] {e.at().toEpochMilli(), e.cumulative().units() / (double) Money.ONE_DOLLAR})
                .toList();
        return json.writeValueAsString(points);
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badInput("page", "page must be a whole number, 0 or more");
    }

    private static String url(String path, Map<String, String> filter, Integer page, ZoneId zone) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filter.forEach((k, v) -> {
            if (!v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        if (page != null && page > 0) {
            b.queryParam("page", page);
        }
        if (zone != null) {
            b.queryParam("time_zone", zone.getId());
        }
        return b.encode().build().toUriString();
    }
}
