package dev.reelforge.local.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (both installed by local/src/test/browser), on the
 * dashboard a stack serves. It reaches loopback only: host names resolve to nothing and background networking is off,
 * so the pages' requests go to the stack's 127.0.0.1 ports or fail. Screenshots go to target/dashboard-screenshots.
 */
final class DashboardBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONTRAST_CHECK = resource("/dashboard/contrast.js");

    private final ChromeDriver driver;
    private final Path profile;
    private final URI dashboard;

    private DashboardBrowser(ChromeDriver driver, Path profile, URI dashboard) {
        this.driver = driver;
        this.profile = profile;
        this.dashboard = dashboard;
    }

    static DashboardBrowser open(URI dashboard) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": mvn verify installs them (local/src/test/browser/install-chromium.sh)");
        }
        Path profile = SharedStack.temporaryDirectory("reelforge-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new DashboardBrowser(new ChromeDriver(service, options), profile, dashboard);
    }

    /** Opens a page of the dashboard by its hash route ({@code #/renders}), or the dashboard's root for "". */
    void go(String route) {
        driver.get(dashboard.resolve("/" + route).toString());
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** The first displayed element, once there is one. */
    WebElement find(By by) {
        return until(browser -> browser.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Does something to the first displayed element, again on a fresh one if the page replaced it meanwhile (the
     * router shows a page again when the hash changes; polling pages rebuild their tables).
     */
    void on(By by, Consumer<WebElement> action) {
        until(browser -> {
            action.accept(find(by));
            return true;
        });
    }

    void click(By by) {
        on(by, WebElement::click);
    }

    /** The text of the first displayed element, read once it holds something. */
    String text(By by) {
        return until(browser -> {
            String text = find(by).getText();
            return text.isEmpty() ? null : text;
        });
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until the condition gives something other than null or false. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The heading of the page shown, once the router has shown one other than the loading text. */
    String heading() {
        return text(By.cssSelector("main h1"));
    }

    void signIn(String key, String version) {
        go("#/sign-in");
        until(browser -> "Sign in".equals(heading()));
        on(By.id("api-key"), field -> {
            field.clear();
            field.sendKeys(key);
        });
        click(By.id("version-" + version));
        click(By.cssSelector("form button[type=submit]"));
        until(browser -> "Renders".equals(heading()));
    }

    /** The texts of the page shown that fail WCAG 2's AA contrast minimum, described (empty when all pass). */
    @SuppressWarnings("unchecked")
    List<String> textsBelowContrastMinimum() {
        return (List<String>) script(CONTRAST_CHECK);
    }

    /**
     * Milliseconds from the start of the navigation to the browser's first contentful paint and to the moment a
     * page's content was first shown ({@code reelforge:page-shown}, marked by dom.js), once both happened.
     */
    @SuppressWarnings("unchecked")
    List<Number> paintTimes() {
        return until(browser -> (List<Number>) script("const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                + " const shown = performance.getEntriesByName('reelforge:page-shown')[0];"
                + " return paint && shown ? [paint.startTime, shown.startTime] : null"));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (var in = DashboardBrowser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            SharedStack.deleteRecursively(profile);
        }
    }
}
