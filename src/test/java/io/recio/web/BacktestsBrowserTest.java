package io.recio.web;

import io.recio.backtest.BacktestReports;
import io.recio.backtest.internal.Backtests;
import io.recio.backtest.internal.Report;
import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.trading.StrategySettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Backtests page as a master admin and as a plain user, on a 1440×900 desktop and a 390×844 phone: the stored
 * runs listed newest first with their figures, each opening its HTML report, which renders under the console's
 * content security policy (its stylesheet applied, its SVG charts drawn, no console error: an inline style or script
 * would be refused and logged) without sideways scroll on the phone, and its JSON. Screenshots of both under
 * {@code target/console-screenshots/}.
 */
class BacktestsBrowserTest extends ConsoleWorld {

    static final Instant FROM = Instant.parse("2025-01-08T00:00:00Z");

    @Autowired
    BacktestReports reports;

    private final SoftAssertions softly = new SoftAssertions();

    @Test
    void bothRolesSeeTheRunsAndOpenEachReportAtBothSizes() throws Exception {
        String older = store(StrategySettings.defaults(), Instant.parse("2026-11-01T10:00:00Z"));
        String newer = store(StrategySettings.of(Map.of("auto-entry.min-probability", "60")),
                Instant.parse("2026-11-02T10:00:00Z"));

        for (String user : List.of(ADMIN, TRADER)) {
            signInAs(user);
            for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
                browser.size(size);
                String name = user + "-" + size.name().toLowerCase(Locale.ROOT) + "-backtests";
                browser.driver().get(base() + "/backtests");
                waitForLive();
                List<String> ids = browser.all("#runs tbody tr[data-id]").stream().map(r -> r.getAttribute("data-id"))
                        .toList();
                softly.assertThat(ids).as(name + ": runs newest first").containsSubsequence(newer, older);
                softly.assertThat(browser.one("tr[data-id='" + newer + "'] .settings-summary").getAttribute("textContent"))
                        .as(name + ": settings summary").isEqualTo("auto-entry.min-probability=60");
                softly.assertThat(browser.one("tr[data-id='" + older + "'] .settings-summary").getAttribute("textContent"))
                        .as(name).isEqualTo("defaults");
                browser.shot(name);
                check(name, size, true);

                String report = browser.one("tr[data-id='" + newer + "'] a[href$='report.html']").getAttribute("href");
                browser.driver().get(report);
                browser.waiting().until(d -> d.findElements(By.cssSelector("figure svg")).size() >= 4);
                softly.assertThat(browser.js("return getComputedStyle(document.body).backgroundColor"))
                        .as(name + ": the report's stylesheet applies").isEqualTo("rgb(250, 250, 250)");
                softly.assertThat(browser.one("h1").getText()).as(name).startsWith("Backtest BTC");
                browser.shot(name + "-report");
                check(name + "-report", size, false);

                softly.assertThat(browser.js("""
                        return fetch(arguments[0]).then(r => r.json()).then(j => j.id + ' ' + j.symbol);""",
                        report.replace("report.html", "report.json"))).as(name + ": JSON").isEqualTo(newer + " BTC");
            }
        }
        softly.assertAll();
    }

    private void check(String name, ConsoleBrowser.Size size, boolean console) {
        softly.assertThat(browser.consoleErrors()).as(name + ": console errors").isEmpty();
        if (size == ConsoleBrowser.Size.PHONE) {
            softly.assertThat(browser.scrollsSideways()).as(name + ": scrolls sideways at 390 px").isFalse();
            if (console) {
                softly.assertThat(browser.smallTapTargets()).as(name + ": tap targets under 44 px").isEmpty();
            }
        }
    }

    /** Backtests two hours of a random walk with {@code settings} and stores the report as made at {@code madeAt}. */
    private String store(StrategySettings settings, Instant madeAt) {
        Report report = Backtests.run(new Backtests.Request(Symbol.BTC, FROM, FROM.plusSeconds(2 * 3600), walk(),
                "random walk", 1), settings, f -> { }, madeAt);
        Backtests.write(reports.directory(), report);
        return report.id();
    }

    /** One-minute candles of a random walk from a day before {@link #FROM} to the minute after its second hour. */
    private static List<Candle> walk() {
        SplittableRandom random = new SplittableRandom(5);
        List<Candle> out = new ArrayList<>();
        double price = 95_000;
        for (int i = -24 * 60; i <= 2 * 60; i++) {
            double open = price;
            double close = open * (1 + random.nextGaussian() * 0.0005);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.0002);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.0002);
            out.add(new Candle(Symbol.BTC, FROM.plusSeconds(i * 60L), dollars(open), dollars(high), dollars(low),
                    dollars(close), "walk"));
            price = close;
        }
        return out;
    }

    private static SpotPrice dollars(double d) {
        return new SpotPrice(Math.round(d * 100) * 100);
    }
}
