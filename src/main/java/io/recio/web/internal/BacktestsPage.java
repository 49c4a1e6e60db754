package io.recio.web.internal;

import io.recio.accounts.UserPreferences;
import io.recio.backtest.BacktestReports;
import io.recio.backtest.BacktestRun;
import io.recio.market.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Backtests: the runs stored under the data directory, newest first, each opening its HTML report and its JSON.
 * The report is served as {@code recio backtest} wrote it to look (its stylesheet beside it, SVG charts, no script
 * and no inline style), so it renders under the console's content security policy unchanged.
 */
@Controller
class BacktestsPage {

    private final BacktestReports reports;
    private final UserPreferences preferences;

    BacktestsPage(BacktestReports reports, UserPreferences preferences) {
        this.reports = reports;
        this.preferences = preferences;
    }

    /** One run as the page lists it. */
    record Row(String id, String symbol, String period, String settings, int trades, String netPnl, String tone,
               String winRate, String brier, String hours, String history, String made) {
    }

    @GetMapping("/backtests")
    String list(Authentication auth, Model model) {
        ZoneId zone = preferences.of(auth.getName()).timeZone();
        List<Row> rows = reports.runs().stream().map(r -> row(r, zone)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("directory", reports.directory().toString());
        return "backtests";
    }

    @GetMapping("/backtests/{id}/report.html")
    ResponseEntity<String> html(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(reports.html(id).orElseThrow(() -> missing(id)));
    }

    @GetMapping("/backtests/{id}/report.json")
    ResponseEntity<Resource> json(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new FileSystemResource(reports.json(id).orElseThrow(() -> missing(id))));
    }

    /** The report's stylesheet, the same for every run (the report links it beside itself). */
    @GetMapping("/backtests/{id}/report.css")
    ResponseEntity<String> stylesheet(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .body(reports.stylesheet());
    }

    private static ResponseStatusException missing(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no backtest " + id);
    }

    static Row row(BacktestRun r, ZoneId zone) {
        Money net = r.netPnl() == null ? null : Money.parse(r.netPnl().toPlainString());
        return new Row(r.id(), r.symbol(), period(r), r.settings().isEmpty() ? "defaults" : r.settings(), r.trades(),
                Display.signedDollars(net), Display.tone(net), Display.share(r.winRate()),
                r.brier() == null ? "–" : String.format(Locale.ROOT, "%.4f", r.brier()),
                String.valueOf(r.hoursTraded()), r.history(), Display.dateTime(r.createdAt(), zone));
    }

    /** The period as UTC days, both included ({@code 2025-01-08 → 2025-02-02}), as the command took it. */
    private static String period(BacktestRun r) {
        LocalDate first = LocalDate.ofInstant(r.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(r.to().minusSeconds(1), ZoneOffset.UTC);
        return first.equals(last) ? first.toString() : first + " → " + last;
    }
}
