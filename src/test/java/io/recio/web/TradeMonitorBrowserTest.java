package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.feeds.PriceHistory;
import io.recio.market.EventTicker;
import io.recio.market.Symbol;
import io.recio.pricing.SyntheticFeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in Debian's headless Chromium: sign in, see the BTC and then the ETH strike table fill and
 * update live over the WebSocket from price ticks and quotes published in the application, and save a
 * screenshot of the Trade Monitor under {@code target/}. Skips without Chromium unless CI is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "recio.services.autostart=true")
@ActiveProfiles("test")
class TradeMonitorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TestConfiguration
    static class Inputs {
        @Bean
        PriceHistory history() {
            return SyntheticFeeds.history(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowserAndFeeds() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "skipped: install chromium and chromium-driver to run the browser test");
        Random random = new Random(42);
        double[] spot = {SyntheticFeeds.basePrice(Symbol.BTC), SyntheticFeeds.basePrice(Symbol.ETH)};
        feeder.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            Instant close = EventTicker.nextClose(now);
            for (Symbol s : Symbol.values()) {
                spot[s.ordinal()] *= 1 + random.nextGaussian() * 0.0003;
                double step = s == Symbol.BTC ? 250 : 20;
                events.publishEvent(SyntheticFeeds.tick(s, now, spot[s.ordinal()]));
                SyntheticFeeds.quotes(s, close, spot[s.ordinal()], step, 5, now).forEach(events::publishEvent);
                SyntheticFeeds.quotes(s, close.plus(Duration.ofHours(1)), spot[s.ordinal()], step, 5, now)
                        .forEach(events::publishEvent);
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        profile = Files.createTempDirectory("recio-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        feeder.shutdownNow();
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        // Rows are re-rendered on every push: an element found a moment ago may be gone when read.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#strike-table tbody tr[data-ticker]"));
    }

    private void seeTheTableOf(String series) throws Exception {
        try {
            waiting().until(d -> {
                List<WebElement> rows = rows();
                return rows.size() >= 10 && rows.get(0).getAttribute("data-ticker").startsWith(series + "-");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = Path.of("target", "trade-monitor-failure.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("no " + series + " table in the page (screenshot " + shot + "); connection: "
                    + browser.findElement(By.id("connection")).getText() + "; page: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        String first = browser.findElement(By.id("table-updated")).getText();
        waiting().until(d -> !d.findElement(By.id("table-updated")).getText().equals(first));
        assertThat(browser.findElement(By.id("spot-price")).getText()).startsWith("$");
    }

    @Test
    void aSignedInTraderSeesBothSymbolsStrikeTablesUpdateLive() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-test-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.id("strike-table")).size() == 1);

        seeTheTableOf("KXBTCD");
        waiting().until(d -> d.findElement(By.id("connection")).getText().startsWith("live"));
        assertThat(browser.findElement(By.id("model-name")).getText()).isIn("volatility", "fingerprint");
        assertThat(browser.findElement(By.id("countdown")).getText()).matches("\\d+:\\d\\d");

        browser.findElement(By.id("pick-ETH")).click();
        seeTheTableOf("KXETHD");

        Path shot = Path.of("target", "trade-monitor.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
    }
}
