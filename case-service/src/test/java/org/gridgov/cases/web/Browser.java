package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gridgov.cases.ServiceIT;
import org.gridgov.common.io.Directories;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the distribution (/usr/bin/chromium and its chromedriver), driven by Selenium. Both paths
 * are given explicitly so Selenium Manager never tries to download a browser or driver: the test network is closed.
 * Each instance has a fresh profile directory, deleted on close.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Relative to the module, where failsafe runs. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** On CI a missing browser is a failure; on a laptop without Chromium the browser tests are skipped. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium chromium-driver)";
        if (System.getenv("CI") != null && !present) {
            Assertions.fail(why);
        }
        Assumptions.assumeTrue(present, why);
    }

    public static Browser start(String base) {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("gridgov-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        // the console, so every page visited can be checked for Content-Security-Policy violations at close
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base, profile);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in through the form as a test user (display name = username); checks the navigation bar names them. */
    void login(String username) {
        login(username, ServiceIT.PASSWORD);
        assertThat(find(By.id("current-user")).getText()).contains(username);
    }

    /** Signs in through the form; waits until the browser has left the login page and shows the signed-in bar. */
    public void login(String username, String password) {
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.id("login-submit")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        find(By.id("current-user"));
    }

    /** The navigation bar's 退出 posts the logout form (with its CSRF token). */
    void logout() {
        find(By.id("logout")).click();
        find(By.id("logout-notice"));
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The element's text; an element replaced while it is read (the page navigated or re-rendered) is found again. */
    public String text(By by) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(by).getText());
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(by))
                .click();
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves a PNG of the whole page under target/screenshots and returns its path. Chromium's driver only captures
     * the viewport, so the headless window is stretched to the page's height for the shot and then restored.
     */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Dimension before = driver.manage().window().getSize();
        long height = ((Number)
                        js("return Math.max(document.body.scrollHeight," + " document.documentElement.scrollHeight)"))
                .longValue();
        int stretched = (int) Math.min(Math.max(height + 140, before.getHeight()), 4000);
        try {
            driver.manage().window().setSize(new Dimension(before.getWidth(), stretched));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
        return file;
    }

    /**
     * What the console said about the Content-Security-Policy since the last call: an inline script or handler the
     * policy blocked, which would leave a page without its behaviour.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Quits the browser; fails if any page it showed broke the Content-Security-Policy. */
    @Override
    public void close() {
        List<String> violations;
        try {
            violations = policyViolations();
        } finally {
            try {
                driver.quit();
            } finally {
                // a leftover temporary profile is harmless
                Directories.deleteQuietly(profile);
            }
        }
        assertThat(violations)
                .as("Content-Security-Policy violations in the browser console")
                .isEmpty();
    }
}
