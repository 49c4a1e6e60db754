package io.recio.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for all the console's browser tests of a run (started on first use, quit when the
 * JVM ends), switched between a 1440×900 desktop and a 390×844 phone by device-metrics emulation. Skips the
 * calling test when Chromium is not installed, unless CI is set.
 */
public final class ConsoleBrowser {

    /** The two screens every page is checked on. */
    public enum Size {
        DESKTOP(1440, 900, false, 1), PHONE(390, 844, true, 2);

        final int width;
        final int height;
        final boolean mobile;
        final int scale;

        Size(int width, int height, boolean mobile, int scale) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
            this.scale = scale;
        }
    }

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots for review: every page at both sizes, as admin and as user. */
    public static final Path SHOTS = Path.of("target", "console-screenshots");

    private static ConsoleBrowser shared;

    private final ChromeDriver driver;
    private Size size = Size.DESKTOP;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The run's browser, started on first use. */
    public static synchronized ConsoleBrowser shared() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "skipped: install chromium and chromium-driver to run the browser tests");
        if (shared == null) {
            Path profile = Files.createTempDirectory("recio-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    "--window-size=1440,900", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ConsoleBrowser browser = new ConsoleBrowser(new ChromeDriver(service, options));
            Runtime.getRuntime().addShutdownHook(new Thread(browser.driver::quit));
            Files.createDirectories(SHOTS);
            shared = browser;
        }
        shared.size(Size.DESKTOP);
        return shared;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Size size() {
        return size;
    }

    /** Emulates the screen: its CSS width and height, touch and the phone's pixel density. */
    public void size(Size s) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", s.width, "height", s.height,
                "deviceScaleFactor", s.scale, "mobile", s.mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", s.mobile));
        size = s;
    }

    /** Signs out whoever was signed in, then signs in. */
    public void signIn(String base, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting(Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public WebDriverWait waiting(Duration timeout) {
        // Live rows are patched several times a second: an element found a moment ago may be gone when read.
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebDriverWait waiting() {
        return waiting(Duration.ofSeconds(30));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Whether the page is wider than the screen (it must never be at 390 px). */
    public boolean scrollsSideways() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth"
                + " || document.body.scrollWidth > window.innerWidth");
    }

    /** Visible controls smaller than a 44 px tap target (what a phone page must not have). */
    @SuppressWarnings("unchecked")
    public List<String> smallTapTargets() {
        return (List<String>) js("""
                const small = [];
                for (const e of document.querySelectorAll('button, a, select, summary, label.switch,'
                    + ' input:not([type=checkbox]):not([type=hidden])')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0 || e.closest('dialog:not([open])') || e.classList.contains('skip')) continue;
                  if (r.height < 43.5) small.push((e.id || e.className || e.tagName) + ' ' + Math.round(r.height) + 'px');
                }
                return small;""");
    }

    /**
     * The whole page as PNG under {@link #SHOTS}: the screen is made as tall as the page for the shot, so the
     * phone's tab bar sits at the bottom as it does on a device.
     */
    @SuppressWarnings("unchecked")
    public Path shot(String name) throws Exception {
        Number height = (Number) js("return Math.max(document.documentElement.scrollHeight, window.innerHeight)");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", height.intValue(), "deviceScaleFactor", size.scale, "mobile", size.mobile));
        try {
            Map<String, Object> answer = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Path file = SHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) answer.get("data")));
            return file;
        } finally {
            size(size);
        }
    }

    /** The browser's console errors since the last call (CSP violations, failed loads, script errors). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
