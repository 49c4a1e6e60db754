package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Money;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradeStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A plain user buys a side of a strike from the live strike table against the simulated exchange, sees the trade
 * among the active trades with a live PnL, closes it after confirming, and finds it in History with the PnL its
 * fills come to, and in the CSV export of that filter.
 */
// A world of its own: the System page's tests before it restart and stop services of the shared one.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TradeRoundTripBrowserTest extends ConsoleWorld {

    @Autowired
    TradeHistory history;

    @Test
    void aTradeFromTheStrikeTableIsSupervisedLiveClosedAndFoundInHistoryAndItsExport() throws Exception {
        signInAs(TRADER);
        browser.driver().get(base() + "/");
        waitForStrikeTable();
        waitForLive();
        waitForEntriesAllowed();

        String ticker = nearTheMoneyYes();
        buyYes(ticker, 2);
        browser.waiting().until(d -> !d.findElement(By.id("trade-dialog")).isDisplayed());

        WebElement row = browser.waiting().until(d -> d.findElements(By.cssSelector("#active-trades tbody tr[data-id]"))
                .stream().filter(r -> r.getText().contains(ticker.substring(ticker.lastIndexOf('-') + 1))).findFirst()
                .orElse(null));
        long id = Long.parseLong(row.getAttribute("data-id"));
        String pnlCell = "#active-trades tr[data-id='" + id + "'] td[data-label=PnL]";
        browser.waiting().until(d -> d.findElement(By.cssSelector(pnlCell)).getText().matches("[+−±]\\$\\d+\\.\\d\\d"));
        assertThat(browser.one("#active-trades tr[data-id='" + id + "'] td[data-label=Qty]").getText()).isEqualTo("2");

        browser.one("#active-trades button.close-trade[data-id='" + id + "']").click();
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(browser.one("#confirm-message").getText()).contains(ticker);
        browser.one("#confirm-ok").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#active-trades tr[data-id='" + id + "']")).isEmpty());

        TradeDetail detail = history.detail(id).orElseThrow();
        assertThat(detail.trade().status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(detail.trade().userId()).isEqualTo(TRADER);
        long entry = detail.fills().stream().filter(f -> f.purpose().equals("ENTRY"))
                .mapToLong(f -> Money.cost(f.count(), f.price()).units()).sum();
        long exit = detail.fills().stream().filter(f -> f.purpose().equals("EXIT"))
                .mapToLong(f -> Money.cost(f.count(), f.price()).units()).sum();
        long fees = detail.fills().stream().mapToLong(f -> f.fee().units()).sum();
        Money pnl = detail.trade().pnl();
        assertThat(pnl).isEqualTo(new Money(exit - entry - fees));

        browser.driver().get(base() + "/history?ticker=" + ticker);
        WebElement historyRow = browser.waiting(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#history-table tr[data-id='" + id + "']")));
        assertThat(historyRow.findElement(By.cssSelector("td[data-label=PnL]")).getText()).isEqualTo(shown(pnl));
        assertThat(historyRow.findElement(By.cssSelector("td[data-label=Status]")).getText()).isEqualTo("CLOSED");

        String csv = (String) browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                browser.one("#csv-export").getAttribute("href"));
        assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("id,created_at"));
        assertThat(csv.lines().filter(l -> l.startsWith(id + ","))).singleElement()
                .satisfies(line -> assertThat(line).contains("," + ticker + ",").contains("," + pnl.toDollars() + ","));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** How the console spells a PnL: {@code +$0.12}, {@code −$0.05}, {@code ±$0.00}. */
    private static String shown(Money m) {
        BigDecimal d = BigDecimal.valueOf(Math.abs(m.units()), Money.SCALE).setScale(2, RoundingMode.HALF_UP);
        String sign = m.units() > 0 ? "+" : m.units() < 0 ? "−" : "±";
        return sign + "$" + String.format(Locale.US, "%,.2f", d);
    }
}
