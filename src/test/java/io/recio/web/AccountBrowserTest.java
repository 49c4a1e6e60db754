package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.KalshiTrading;
import io.recio.kalshi.OrderAction;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderRequest;
import io.recio.kalshi.TimeInForce;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Account page follows the Kalshi account live: an order resting on the simulated exchange appears among the
 * resting orders, and the master admin cancels it from the page after confirming; a plain user sees it with no
 * Cancel button.
 */
class AccountBrowserTest extends ConsoleWorld {

    @Autowired
    KalshiTrading kalshi;

    @Test
    void aRestingOrderAppearsLiveAndTheAdminCancelsItAfterConfirming() {
        signInAs(ADMIN);
        browser.driver().get(base() + "/");
        waitForStrikeTable();
        String ticker = browser.one("#strike-table tbody tr[data-ticker]").getAttribute("data-ticker");
        browser.driver().get(base() + "/account");
        waitForLive();

        // A bid of 1¢ rests on the book: nobody sells that low.
        OrderOutcome placed = kalshi.place(new OrderRequest(MarketTicker.parse(ticker), Side.YES, OrderAction.BUY,
                Count.ofContracts(3), Price.parse("0.01"), TimeInForce.GOOD_TILL_CANCELED, false,
                "console-" + UUID.randomUUID()));
        String orderId = ((OrderOutcome.Accepted) placed).orderId();
        String row = "#orders tr[data-key='" + orderId + "']";
        browser.waiting(Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(browser.one(row + " td[data-label=Remaining]").getText()).isEqualTo("3");

        signInAs(TRADER);
        browser.driver().get(base() + "/account");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(browser.all(row + " button")).isEmpty();

        signInAs(ADMIN);
        browser.driver().get(base() + "/account");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(row + " button.cancel-order")).isEmpty());
        browser.one(row + " button.cancel-order").click();
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(browser.one("#confirm-message").getText()).contains(ticker, "3 YES");
        browser.one("#confirm-ok").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
