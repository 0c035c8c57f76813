package org.cloudmarket.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through chromedriver. Every {@code *.localhost} name goes to
 * the server on loopback, so each storefront is reached by its own host name, as users do.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    /** Checked once, before the first page test: without it each one fails with Selenium's stack trace. */
    private static final Optional<String> MISSING = missing(CHROMIUM, CHROMEDRIVER);
    private static final AtomicBoolean MISSING_REPORTED = new AtomicBoolean();

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        MISSING.ifPresent(line -> {
            // One failure says it; the page tests after it are skipped rather than failing the same way.
            if (MISSING_REPORTED.getAndSet(true)) {
                throw new TestAbortedException(line);
            }
            throw new MissingPrerequisite(line);
        });
        try {
            profile = Files.createTempDirectory("cloudmarket-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toString())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900",
                        "--host-resolver-rules=MAP *.localhost 127.0.0.1",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        // Every page notes what its Content-Security-Policy blocks, before any script of its own runs.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.cmBlocked = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.cmBlocked.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    Browser open(String host, String path) {
        driver.get("http://" + host + ":8080" + path);
        return this;
    }

    /** Follows an absolute link, as from a mail. */
    Browser openUrl(String url) {
        driver.get(url);
        return this;
    }

    /** Picks the option with this value in a native select. */
    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** What the Content-Security-Policy blocked on this page since it loaded ("directive uri"). */
    @SuppressWarnings("unchecked")
    List<String> blockedByThePolicy() {
        return (List<String>) driver.executeScript("return window.cmBlocked || ['no record: the page has not loaded'];");
    }

    /** The page's address with its query, e.g. to read the id a redirect carries. */
    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** A cookie of the current host (the session's), so that a plain HTTP client can fetch what the page links. */
    String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Clicks and waits for the next page to load. */
    void clickAndWait(String css) {
        WebElement element = find(css);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ignored -> gone(element));
    }

    /**
     * Whether the page the element was on has been replaced. Chromium reports a node of the old
     * document either as stale or, mid-navigation, as "does not belong to the document": both
     * mean the click led somewhere (ExpectedConditions.stalenessOf knows only the first).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException probe) {
            if (String.valueOf(probe.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw probe;
        }
    }

    /** Waits until the element's text contains the expected text, as ajax updates and scripts land. */
    WebElement waitForText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
        return find(css);
    }

    /** Waits until the condition holds, as a page's ajax update lands. */
    /** Waits for the condition; an element an ajax update replaced while it was read is read again. */
    void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ignored -> condition.getAsBoolean());
    }

    /** Runs a script in the page, for inputs a user sets with a native picker (a colour). */
    void script(String javascript, Object... arguments) {
        driver.executeScript(javascript, arguments);
    }

    /** Replaces a field's text the way a user does: select all, then type. */
    void retype(String css, String text) {
        WebElement field = find(css);
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Saves what the user sees under target/screenshots, for people to look at. */
    Path screenshot(String name) {
        try {
            Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** The one line that says which Debian packages the page tests lack and how to install them, if any. */
    static Optional<String> missing(Path chromium, Path chromedriver) {
        List<String> packages = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            packages.add("chromium");
            paths.add(chromium.toString());
        }
        if (!Files.isExecutable(chromedriver)) {
            packages.add("chromium-driver");
            paths.add(chromedriver.toString());
        }
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The page tests need Debian's " + String.join(" and ", packages) + " (no " + String.join(", no ", paths)
                + "): sudo apt-get install " + String.join(" ", packages));
    }

    /** A missing prerequisite, said in one line: a stack trace would only point here. */
    static final class MissingPrerequisite extends RuntimeException {
        MissingPrerequisite(String line) {
            super(line, null, false, false);
        }
    }
}
