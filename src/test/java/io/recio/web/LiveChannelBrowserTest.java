package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live channel drops (main_app, the push endpoint, is stopped: every tab is closed and new ones are refused)
 * and comes back:
 * the page says it is offline and greys its numbers, then reconnects by itself and is live again.
 */
class LiveChannelBrowserTest extends ConsoleWorld {

    @Autowired
    ManagedServices services;

    @Test
    void whenTheLiveChannelDropsThePageShowsItIsOfflineThenRecoversByItself() throws Exception {
        signInAs(ADMIN);
        browser.driver().get(base() + "/");
        waitForStrikeTable();
        waitForLive();
        try {
            services.stop(ServiceName.MAIN_APP);
            browser.waiting().until(d -> "offline".equals(d.findElement(By.id("live-state")).getText()));
            assertThat(browser.one("body").getAttribute("class")).contains("is-offline");
            assertThat(browser.one("#offline-banner").isDisplayed()).isTrue();
            assertThat(browser.one("#status-icon").getAttribute("class")).contains("offline");
            // The price stays on screen, greyed and struck through: never shown as live.
            assertThat(browser.js("return getComputedStyle(document.getElementById('spot-price')).textDecorationLine"))
                    .isEqualTo("line-through");
            browser.shot("live-channel-offline");
        } finally {
            services.start(ServiceName.MAIN_APP);
        }
        browser.waiting(Duration.ofSeconds(40)).until(d -> "live".equals(d.findElement(By.id("live-state")).getText()));
        assertThat(browser.one("body").getAttribute("class")).doesNotContain("is-offline");
        assertThat(browser.one("#offline-banner").isDisplayed()).isFalse();
        String before = browser.one("#table-updated").getText();
        browser.waiting().until(d -> !d.findElement(By.id("table-updated")).getText().equals(before));
        assertThat(browser.js("return getComputedStyle(document.getElementById('spot-price')).textDecorationLine"))
                .isEqualTo("none");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/ws/live"),
                "only the refused reconnection attempts may be logged");
    }
}
