package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.simulator.faults.FaultSwitches;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Kalshi takes an order but its answer never comes: the trade dialog says the outcome is unknown (never that the
 * trade happened), the trade shows as UNKNOWN among the active trades while lookups fail, and turns OPEN by itself
 * once a lookup finds the order.
 */
// A world of its own: the System page's tests before it restart and stop services of the shared one.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class UnknownOutcomeBrowserTest extends ConsoleWorld {

    @Autowired
    FaultSwitches faults;

    @Test
    void anOrderWhoseAnswerIsLostIsShownUnknownThenResolvesLive() throws Exception {
        signInAs(TRADER);
        browser.driver().get(base() + "/");
        waitForStrikeTable();
        waitForLive();
        waitForEntriesAllowed();
        String ticker = nearTheMoneyYes();
        try {
            faults.orderResponseTimeout(true);
            buyYes(ticker, 1);
            browser.waiting().until(d -> d.findElement(By.id("trade-outcome")).isDisplayed());
            // Lookups fail too for a while, so the doubt stays on screen.
            faults.errors(1.0, 503);
            String outcome = browser.one("#trade-outcome").getText();
            assertThat(outcome).startsWith("Outcome unknown").doesNotContain("Bought");
            long id = Long.parseLong(outcome.replaceAll("(?s).*Trade (\\d+) .*", "$1"));
            browser.one("#trade-cancel").click();
            String status = "#active-trades tr[data-id='" + id + "'] td[data-label=Status]";
            browser.waiting().until(d -> d.findElements(By.cssSelector(status)).stream()
                    .anyMatch(e -> e.getText().equals("UNKNOWN")));
            assertThat(browser.one("#active-trades tr[data-id='" + id + "'] td[data-label=PnL]").getText()).isEqualTo("–");
            browser.shot("trader-desktop-monitor-unknown");
            faults.reset();
            browser.waiting(Duration.ofSeconds(90)).until(d -> d.findElements(By.cssSelector(status)).stream()
                    .anyMatch(e -> e.getText().equals("open")));
        } finally {
            faults.reset();
        }
        // The world of its own replaced the shared one under the open tab, whose live channel reconnects by design.
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("WebSocket connection to"))
                .allMatch(e -> e.contains("/api/trades"),
                "only the unanswered order may be logged");
    }
}
