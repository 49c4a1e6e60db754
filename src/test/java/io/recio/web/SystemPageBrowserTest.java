package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The System page as the master admin and as a plain user, on a 1440×900 desktop and a 390×844 phone: resources with
 * their levels, the services with Restart (the confirmation names the services that need it) and Logs followed
 * live, a master restart whose countdown a second console sees and cancels, the admin console, a stopped service
 * restarted from the phone; the user sees the status and no control, and the server refuses the user's admin calls.
 */
class SystemPageBrowserTest extends ConsoleWorld {

    @Autowired
    ManagedServices services;

    private void openSystem() {
        browser.driver().get(base() + "/system");
        waitForLive();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#services tr[data-name]")).size() >= 10);
        browser.waiting().until(d -> !d.findElement(By.cssSelector(".bar-row[data-resource=disk] .level")).getText()
                .equals("–"));
    }

    private String row(String service) {
        return "#services tr[data-name=" + service + "]";
    }

    @Test
    void theAdminRestartsAServiceFollowsItsLogAndCancelsAMasterRestartFromAnotherConsole() throws Exception {
        signInAs(ADMIN);
        browser.size(ConsoleBrowser.Size.DESKTOP);
        openSystem();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(row("system_monitor") + " button.svc-logs")).isEmpty());
        assertThat(browser.one("#trading-mode").getText()).isIn("ACTIVE", "REDUCING", "HALTED");
        assertThat(browser.all("#health-chart")).hasSize(1);

        // the log of system_monitor, followed while the service restarts
        click(row("system_monitor") + " button.svc-logs");
        browser.waiting().until(d -> d.findElement(By.id("log-panel")).isDisplayed());
        browser.waiting().until(d -> !d.findElement(By.id("log-text")).getText().isBlank());
        int runningLines = count(browser.one("#log-text").getText(), "service system_monitor is RUNNING");
        int restarts = services.health(ServiceName.SYSTEM_MONITOR).orElseThrow().restarts();

        click(row("system_monitor") + " button.svc-restart");
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(browser.one("#confirm-title").getText()).isEqualTo("Restart system_monitor?");
        assertThat(browser.one("#confirm-message").getText()).contains("No other service needs it");
        click("#confirm-ok");
        browser.waiting().until(d -> services.health(ServiceName.SYSTEM_MONITOR).orElseThrow().restarts() > restarts);
        browser.waiting().until(d -> d.findElement(By.cssSelector(row("system_monitor") + " td[data-label=Restarts]"))
                .getText().equals(String.valueOf(restarts + 1)));
        browser.waiting().until(d -> count(d.findElement(By.id("log-text")).getText(),
                "service system_monitor is RUNNING") > runningLines);

        // a service others need: the confirmation says which
        click(row("kalshi_api_watchdog") + " button.svc-restart");
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(browser.one("#confirm-message").getText()).contains("These services need it", "kalshi_account_sync",
                "trade_executor");
        click("#confirm-cancel");

        // the admin console
        browser.one("#console-line").sendKeys("help" + Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("console-output")).getText().contains("kill-switch"));
        browser.one("#console-line").sendKeys("services" + Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("console-output")).getText().contains("kalshi_api_watchdog"));
        browser.shot("system-admin-desktop");

        // the master restart: a countdown every console sees, cancelled from another one
        click("#master-restart-button");
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        click("#confirm-ok");
        browser.waiting().until(d -> d.findElement(By.id("master-restart")).isDisplayed());
        assertThat(browser.one("#master-restart-text").getText()).matches("Every service restarts in (2\\d|30) s \\(requested by admin\\)");
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        openSystem();
        browser.waiting().until(d -> d.findElement(By.id("master-restart-text")).getText().startsWith("Every service restarts in"));
        browser.shot("system-admin-desktop-countdown");
        click("#master-restart-cancel");
        browser.waiting().until(d -> d.findElement(By.id("master-restart-text")).getText().contains("was cancelled by admin"));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.driver().close();
        browser.driver().switchTo().window(first);
        browser.waiting().until(d -> d.findElement(By.id("master-restart-text")).getText().contains("was cancelled by admin"));
        assertThat(browser.one("#master-restart-cancel").isDisplayed()).isFalse();
        assertThat(services.health(ServiceName.MAIN_APP).orElseThrow().restarts()).isZero();
        assertThat(browser.consoleErrors()).isEmpty();

        // the phone: essential status, and Start for a stopped service
        browser.size(ConsoleBrowser.Size.PHONE);
        services.stop(ServiceName.ALERT_DISPATCHER);
        openSystem();
        String stopped = row("alert_dispatcher");
        browser.waiting().until(d -> d.findElement(By.cssSelector(stopped)).getAttribute("data-state").equals("STOPPED"));
        assertThat(browser.one(row("system_monitor") + " button.svc-restart").isDisplayed()).isFalse();
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.smallTapTargets()).isEmpty();
        browser.shot("system-admin-phone");
        click(stopped + " button.svc-restart");
        browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        click("#confirm-ok");
        browser.waiting().until(d -> services.health(ServiceName.ALERT_DISPATCHER).orElseThrow().state() == ServiceState.RUNNING);
        browser.waiting().until(d -> d.findElement(By.cssSelector(stopped)).getAttribute("data-state").equals("RUNNING"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aUserSeesTheStatusButNoControlAndIsRefusedEveryAdminCall() throws Exception {
        signInAs(TRADER);
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            openSystem();
            assertThat(browser.all("[data-admin-control]")).isEmpty();
            assertThat(browser.all("#services button")).isEmpty();
            assertThat(browser.one("#trading-mode").getText()).isIn("ACTIVE", "REDUCING", "HALTED");
            if (size == ConsoleBrowser.Size.PHONE) {
                assertThat(browser.scrollsSideways()).isFalse();
                assertThat(browser.smallTapTargets()).isEmpty();
            }
            browser.shot("system-user-" + size.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(browser.consoleErrors()).isEmpty();
        }
        for (String[] call : List.of(new String[] {"POST", "/api/admin/console", "{\"line\": \"help\"}"},
                new String[] {"POST", "/api/admin/master_restart", null},
                new String[] {"DELETE", "/api/admin/master_restart", null},
                new String[] {"POST", "/api/services/system_monitor/restart", null},
                new String[] {"GET", "/api/logs/system_monitor", null},
                new String[] {"POST", "/api/alerts/test", "{}"})) {
            Map<?, ?> answer = (Map<?, ?>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    recio.api(arguments[0], arguments[1], arguments[2] ? JSON.parse(arguments[2]) : null)
                      .then(() => done({status: 200}), p => done({status: p.status, title: p.title}));""",
                    call[0], call[1], call[2]);
            assertThat(answer.get("status")).as(call[0] + " " + call[1]).isEqualTo(403L);
        }
    }

    /** Clicks an element after scrolling it to the middle of the screen (clear of the sticky top bar). */
    private void click(String css) {
        var e = browser.one(css);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

}
