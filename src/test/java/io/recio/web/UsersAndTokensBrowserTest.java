package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.accounts.UserAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The Users page and API tokens in Settings, as a master admin on a 1440×900 desktop and a 390×844 phone; and a
 * plain user, who finds no admin control and no admin page anywhere. Screenshots under
 * {@code target/console-screenshots/}.
 */
class UsersAndTokensBrowserTest extends ConsoleWorld {

    @Test
    void aMasterAdminAddsAUserSeesItsPasswordOnceAndDisablesIt() throws Exception {
        signInAs(ADMIN);
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            String name = "newbie-" + size.name().toLowerCase(Locale.ROOT);
            browser.driver().get(base() + "/users");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#users tr[data-username='admin']")).isEmpty());
            browser.one("#u-username").sendKeys(name);
            new Select(browser.one("#u-role")).selectByValue("USER");
            browser.one("#add-user-form button[type=submit]").click();
            browser.waiting().until(d -> d.findElement(By.id("once")).isDisplayed());
            String password = browser.one("#once-value").getText();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(accounts.passwordMatches(name, password)).isTrue();
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#users tr[data-username='" + name + "']")).isEmpty());
            browser.shot("users-admin-" + size.name().toLowerCase(Locale.ROOT));
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.scrollsSideways()).as("sideways scroll").isFalse();

            if (size == ConsoleBrowser.Size.PHONE) {
                // A phone shows a table's key columns; a tap on the row opens the rest, the actions included.
                tap("#users tr[data-username='" + name + "'] td");
            }
            tap("#users tr[data-username='" + name + "'] button[data-act=enabled]");
            browser.waiting().until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
            browser.one("#confirm-ok").click();
            browser.waiting().until(d -> d.findElement(By.cssSelector("#users tr[data-username='" + name + "']"))
                    .getText().contains("disabled"));
            assertThat(accounts.find(name)).get().extracting(UserAccount::enabled).isEqualTo(false);
        }
    }

    /** Scrolls the element to the middle of the screen (clear of the phone's tab bar), then clicks it. */
    private void tap(String css) {
        var element = browser.one(css);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Test
    void aMasterAdminCreatesAnApiTokenShownOnceThatAScriptThenUses() throws Exception {
        signInAs(ADMIN);
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            String name = "monitor-" + size.name().toLowerCase(Locale.ROOT);
            browser.driver().get(base() + "/settings");
            waitForLive();
            browser.one("#t-name").sendKeys(name);
            new Select(browser.one("#t-scope")).selectByValue("read");
            browser.one("#token-form button[type=submit]").click();
            browser.waiting().until(d -> d.findElement(By.id("token-once")).isDisplayed());
            String token = browser.one("#token-once-value").getText();
            assertThat(token).startsWith("recio_");
            browser.waiting().until(d -> String.valueOf(browser.js("return document.getElementById('tokens').textContent"))
                    .contains(name));
            browser.js("document.getElementById('tokens').scrollIntoView()");
            browser.shot("settings-tokens-admin-" + size.name().toLowerCase(Locale.ROOT));
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.scrollsSideways()).as("sideways scroll").isFalse();

            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base() + "/api/trading/status")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            browser.driver().navigate().refresh();
            browser.waiting().until(d -> String.valueOf(browser.js("""
                    const row = [...document.querySelectorAll('#tokens tbody tr')]
                        .find(r => r.cells[0].textContent === arguments[0]);
                    return row ? row.textContent : '';""", name)).contains("from 127.0.0.1"));
            assertThat(browser.one("#token-once").isDisplayed()).as("the token is shown only once").isFalse();
        }
    }

    @Test
    void aPlainUserSeesNoAdminControlAndNoAdminPageAnywhere() throws Exception {
        signInAs(TRADER);
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            for (String page : List.of("/", "/history", "/account", "/settings", "/system")) {
                browser.driver().get(base() + page);
                waitForLive();
                assertThat(browser.all("[data-admin-control]")).as(page + ": admin controls").isEmpty();
                assertThat(browser.all("a[href='/users'], a[href='/audit']")).as(page + ": admin pages in the navigation")
                        .isEmpty();
            }
            browser.shot("user-nav-system-" + size.name().toLowerCase(Locale.ROOT));
            for (String page : List.of("/users", "/audit")) {
                browser.driver().get(base() + page);
                assertThat(browser.one("body").getText()).as(page).doesNotContain("Add user").doesNotContain("Entries");
                assertThat(browser.all("#users, #audit")).as(page).isEmpty();
            }
            browser.consoleErrors();
        }
    }

    @Test
    void theMasterAdminReadsTheAuditLogFilteredByAction() throws Exception {
        signInAs(ADMIN);
        for (ConsoleBrowser.Size size : ConsoleBrowser.Size.values()) {
            browser.size(size);
            browser.driver().get(base() + "/audit");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#audit tr[data-id]")).isEmpty());
            browser.one("#f-action").sendKeys("login");
            browser.one("#audit-filter button[type=submit]").click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#audit tr[data-id]")).stream()
                    .allMatch(r -> r.getText().contains("login")));
            browser.shot("audit-admin-" + size.name().toLowerCase(Locale.ROOT));
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.scrollsSideways()).as("sideways scroll").isFalse();
        }
    }
}
