package io.recio.web;

import io.recio.testsupport.RecioChild;
import io.recio.accounts.Role;
import io.recio.accounts.UserAccounts;
import io.recio.trading.internal.TradingGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The world every console browser test shares (one Spring context, one browser): recio in demo mode with its
 * background services, the built-in exchange and feed simulators on real sockets, trading against the simulated
 * exchange (an order unanswered for 4 s is UNKNOWN), three days of seeded history, a master restart countdown of
 * two minutes (a loaded machine opens a second tab slowly); the master admin {@code admin}
 * and a plain user {@code trader}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recio.services.autostart=true", "recio.mode=demo", "recio.simulator.enabled=true",
        "recio.trading.venue=kalshi", "recio.feeds.demo-history-days=3", "recio.kalshi.order-timeout=4s",
        "recio.ops.master-restart-countdown=120s"})
@ActiveProfiles("test")
public abstract class ConsoleWorld {

    /**
     * recio's feed client finds the built-in feed simulator by its configured port, so the simulators get free
     * ports picked here (by binding port 0) rather than 0 itself.
     */
    private static final int SIMULATOR_KALSHI = RecioChild.freePort();
    private static final int SIMULATOR_COINBASE = RecioChild.freePort();
    /**
     * One data directory for the world, named here rather than per context: a world rebuilt after the context cache
     * closed it must find its simulator's credentials where its Kalshi client looks for them.
     */
    private static final java.nio.file.Path DATA_DIR = tempDirectory();

    @DynamicPropertySource
    static void simulatorPorts(DynamicPropertyRegistry registry) {
        registry.add("recio.ports.simulator-kalshi", () -> SIMULATOR_KALSHI);
        registry.add("recio.ports.simulator-coinbase", () -> SIMULATOR_COINBASE);
        registry.add("recio.data-dir", DATA_DIR::toString);
    }

    private static java.nio.file.Path tempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("recio-console-world");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String TRADER = "trader";
    public static final String TRADER_PASSWORD = "trader-test-password";

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserAccounts accounts;

    @Autowired
    private TradingGate tradingGate;

    protected ConsoleBrowser browser;

    @BeforeEach
    void world() throws Exception {
        browser = ConsoleBrowser.shared();
        browser.consoleErrors();
        synchronized (ConsoleWorld.class) {
            if (accounts.find(TRADER).isEmpty()) {
                accounts.create(TRADER, TRADER_PASSWORD, Role.USER);
            }
        }
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected void signInAs(String user) {
        browser.signIn(base(), user, user.equals(ADMIN) ? ADMIN_PASSWORD : TRADER_PASSWORD);
    }

    /** Waits (up to two minutes: the models build after the history is seeded) for priced strike rows. */
    protected void waitForStrikeTable() {
        browser.waiting(Duration.ofSeconds(120)).until(d -> {
            List<?> rows = d.findElements(By.cssSelector("#strike-table tbody tr[data-ticker]"));
            return rows.size() >= 5 && !d.findElement(By.id("model-name")).getText().matches("–|none ready");
        });
    }

    /** Finds a strike near the money whose YES is offered (its entry and exit fill) and answers its ticker. */
    protected String nearTheMoneyYes() {
        return (String) browser.waiting().until(d -> browser.js("""
                for (const b of document.querySelectorAll('#strike-table button[data-side=yes]:not([disabled])')) {
                  const cents = parseInt(b.textContent.replace(/[^0-9]/g, ''), 10);
                  if (cents >= 15 && cents <= 85) { return b.dataset.ticker; }
                }
                return null;"""));
    }

    /** Opens the trade dialog of a strike's YES and asks for {@code contracts} at up to 3¢ above the ask. */
    protected void buyYes(String ticker, int contracts) {
        browser.one("button[data-ticker='" + ticker + "'][data-side=yes]").click();
        browser.waiting().until(d -> d.findElement(By.id("trade-dialog")).isDisplayed());
        var count = browser.one("#trade-count");
        count.clear();
        count.sendKeys(String.valueOf(contracts));
        var worst = browser.one("#trade-worst");
        java.math.BigDecimal ask = new java.math.BigDecimal(worst.getAttribute("value"));
        worst.clear();
        worst.sendKeys(ask.add(new java.math.BigDecimal("0.03")).min(new java.math.BigDecimal("0.99")).toPlainString());
        browser.one("#trade-submit").click();
    }

    /**
     * Waits (up to two minutes) until recio takes new entries: at start-up, and on a loaded machine later too,
     * the failure detector holds entries while prices or books are older than their limits.
     */
    protected void waitForEntriesAllowed() {
        browser.waiting(Duration.ofSeconds(120)).until(d -> tradingGate.state().entriesAllowed());
    }

    /** Waits until the tab's live channel is connected. */
    protected void waitForLive() {
        browser.waiting().until(d -> "live".equals(d.findElement(By.id("live-state")).getText()));
    }
}
