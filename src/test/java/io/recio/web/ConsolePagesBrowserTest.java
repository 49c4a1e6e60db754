package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the console, as a master admin and as a plain user, on a 1440×900 desktop and a 390×844 phone,
 * with 500 trades in the history: no console error, no sideways scroll on the phone, 44 px tap targets there, no
 * admin control for the user (and the server refusing the user's admin calls), the API reference rendering under the
 * CSP, a screenshot of each under {@code target/console-screenshots/}. It also prints the pages' first-render times and the tick-to-screen
 * latency of the strike table (figures for the README, not assertions).
 */
class ConsolePagesBrowserTest extends ConsoleWorld {

    @Autowired
    JdbcClient jdbc;

    private final SoftAssertions softly = new SoftAssertions();
    private final Map<String, String> renderTimes = new LinkedHashMap<>();

    @Test
    void everyPageWorksForBothRolesOnDesktopAndPhone() throws Exception {
        HistorySeed.ensure(jdbc, 500, List.of(ADMIN, TRADER), Instant.now());
        long adminTrade = HistorySeed.newestOf(jdbc, ADMIN);
        long traderTrade = HistorySeed.newestOf(jdbc, TRADER);

        signInAs(ADMIN);
        walk(ADMIN, adminTrade);
        String latency = tickToScreen();

        signInAs(TRADER);
        walk(TRADER, traderTrade);
        adminCallsAreRefused();
        apiReferenceOpensUnderTheCsp();

        StringBuilder figures = new StringBuilder("First render with 500 trades in the history (ms):\n");
        renderTimes.forEach((page, ms) -> figures.append("  ").append(page).append(": ").append(ms).append('\n'));
        figures.append(latency).append('\n');
        Files.writeString(ConsoleBrowser.SHOTS.resolve("performance.txt"), figures);
        System.out.println(figures);
        softly.assertAll();
    }

    private void walk(String user, long tradeId) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("monitor", "/");
        pages.put("history", "/history");
        pages.put("trade", "/history/" + tradeId);
        pages.put("account", "/account");
        pages.put("settings", "/settings");
        pages.put("system", "/system");
        if (user.equals(ADMIN)) {
            pages.put("credentials", "/credentials");
        }
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            for (var page : pages.entrySet()) {
                String name = user + "-" + size.name().toLowerCase(Locale.ROOT) + "-" + page.getKey();
                browser.driver().get(base() + page.getValue());
                ready(page.getKey());
                browser.shot(name);
                check(name, user, size);
                if (size == ConsoleBrowser.Size.DESKTOP) {
                    renderTimes.put(user + " " + page.getKey(), firstRender(page.getKey()));
                }
            }
        }
    }

    private void ready(String page) {
        waitForLive();
        switch (page) {
            case "monitor" -> {
                waitForStrikeTable();
                browser.waiting().until(d -> !d.findElement(By.id("auto-entry-state")).getText().equals("–"));
            }
            case "history" -> browser.waiting().until(d -> !d.findElements(By.cssSelector("#history-table tr[data-id]")).isEmpty());
            case "account" -> browser.waiting().until(d -> !d.findElement(By.id("last-sync")).getText().equals("–"));
            case "credentials" -> browser.waiting().until(d -> !d.findElement(By.id("c-master")).getText().equals("–"));
            case "system" -> browser.waiting().until(d -> d.findElements(By.cssSelector("#services tr[data-name]")).size() >= 10);
            default -> browser.waiting().until(d -> browser.js("return document.readyState").equals("complete"));
        }
    }

    private void check(String name, String user, ConsoleBrowser.Size size) {
        softly.assertThat(browser.consoleErrors()).as(name + ": console errors").isEmpty();
        if (size == ConsoleBrowser.Size.PHONE) {
            softly.assertThat(browser.scrollsSideways()).as(name + ": scrolls sideways at 390 px").isFalse();
            softly.assertThat(browser.smallTapTargets()).as(name + ": tap targets under 44 px").isEmpty();
            softly.assertThat(browser.one(".tabbar").isDisplayed()).as(name + ": bottom tab bar").isTrue();
        } else {
            softly.assertThat(browser.one(".nav-top").isDisplayed()).as(name + ": top navigation").isTrue();
        }
        softly.assertThat(browser.one(".mode-badge").getText()).as(name + ": mode badge").isEqualTo("DEMO");
        softly.assertThat(browser.one("#status-icon").getAttribute("data-level")).as(name + ": status icon")
                .isIn("GREEN", "AMBER", "RED");
        if (user.equals(TRADER)) {
            softly.assertThat(browser.all("[data-admin-control]")).as(name + ": admin controls shown to a user").isEmpty();
            softly.assertThat(browser.all("#kill-button, #auto-entry-switch, .cancel-order")).as(name).isEmpty();
        }
    }


    /** When the page first painted, and (Monitor) when the first live strike row was on screen. */
    private String firstRender(String page) {
        Number paint = (Number) browser.js("""
                const p = performance.getEntriesByName('first-contentful-paint')[0];
                return p ? p.startTime : performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;""");
        String figure = String.format(Locale.US, "first paint %.0f", paint.doubleValue());
        if (page.equals("monitor")) {
            browser.driver().get(base() + "/");
            Number table = (Number) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const body = document.querySelector('#strike-table tbody');
                    const seen = () => body.querySelector('tr[data-ticker]');
                    if (seen()) { done(performance.now()); return; }
                    new MutationObserver((m, o) => { if (seen()) { o.disconnect(); done(performance.now()); } })
                        .observe(body, {childList: true});""");
            figure += String.format(Locale.US, ", live strike table %.0f", table.doubleValue());
        }
        return figure;
    }

    /** Tick-to-screen of the strike table over about 30 s of live updates (timestamps carried in the pushes). */
    private String tickToScreen() {
        browser.size(ConsoleBrowser.Size.DESKTOP);
        browser.driver().get(base() + "/");
        waitForStrikeTable();
        browser.waiting(Duration.ofSeconds(60)).until(d -> ((Number) browser.js(
                "return recio.metrics.tickToScreenMs.length")).intValue() >= 30);
        List<Double> ms = samples("tickToScreenMs");
        List<Double> server = samples("tickToSendMs");
        softly.assertThat(ms).as("tick-to-screen samples").isNotEmpty();
        return String.format(Locale.US, "Tick to screen (strike table, %d price ticks): p50 %.0f ms, p95 %.0f ms, max %.0f ms"
                        + "%n  of which tick to sent by the server: p50 %.0f ms, p95 %.0f ms", ms.size(), percentile(ms, 50),
                percentile(ms, 95), ms.get(ms.size() - 1), percentile(server, 50), percentile(server, 95));
    }

    @SuppressWarnings("unchecked")
    private List<Double> samples(String metric) {
        List<Number> raw = (List<Number>) browser.js("return recio.metrics." + metric);
        return new ArrayList<>(raw.stream().map(Number::doubleValue).sorted().toList());
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * Settings links the API reference (Swagger UI), which renders every route of the description under recio's
     * CSP: no console error, so no script or style the policy refused.
     */
    private void apiReferenceOpensUnderTheCsp() {
        browser.size(ConsoleBrowser.Size.DESKTOP);
        browser.driver().get(base() + "/settings");
        String href = browser.one("#api-reference").getAttribute("href");
        browser.consoleErrors();
        browser.driver().get(href);
        browser.waiting().until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 40);
        softly.assertThat(browser.consoleErrors()).as("API reference: console errors").isEmpty();
        softly.assertThat(browser.all(".opblock-summary-path").stream().map(e -> e.getAttribute("data-path")).toList())
                .as("API reference: routes shown").contains("/api/strike_tables/{symbol}", "/api/trades");
    }

    /** Admin-only endpoints answer a signed-in user 403 with a problem body, whatever the page shows. */
    @SuppressWarnings("unchecked")
    private void adminCallsAreRefused() {
        browser.driver().get(base() + "/");
        for (String[] call : List.of(new String[] {"PUT", "/api/auto_trading", "{\"auto_entry_enabled\": true}"},
                new String[] {"POST", "/api/kill_switch", "{\"engaged\": true}"},
                new String[] {"DELETE", "/api/account/orders/some-order", null})) {
            Map<String, Object> answer = (Map<String, Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const h = {'Content-Type': 'application/json'};
                    h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;
                    fetch(arguments[1], {method: arguments[0], headers: h, body: arguments[2] || undefined})
                      .then(r => r.json().then(j => done({status: r.status, type: r.headers.get('content-type'), code: j.code})));""",
                    call[0], call[1], call[2]);
            softly.assertThat(answer.get("status")).as(call[0] + " " + call[1]).isEqualTo(403L);
            softly.assertThat((String) answer.get("type")).as(call[1]).contains("json");
            softly.assertThat(answer.get("code")).as(call[1]).isEqualTo("forbidden");
        }
    }
}
