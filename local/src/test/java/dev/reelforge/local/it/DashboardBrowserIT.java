package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.webhooks.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Chromium) against the embedded stack, as a newcomer uses it: signs in
 * with the key from local.json, submits the sample edit from the page, watches the progress bar reach done, plays
 * the video, deletes a hosted asset; a failed render's error in plain words; a wrong key refused; every page's text
 * readable (contrast). Each page is saved as a screenshot under target/dashboard-screenshots.
 */
class DashboardBrowserIT {

    private static RenderTestStack stack;
    private static LocalDescriptor local;
    private DashboardBrowser browser;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        local = stack.stack().descriptor(); // what the stack wrote to local.json
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = DashboardBrowser.open(local.services().get("dashboard"));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aNewcomerSignsInWithTheLocalKeySubmitsTheSampleEditWatchesItRenderAndPlaysIt() {
        browser.go("");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.screenshot("sign-in");
        browser.signIn(local.apiKey(Environment.STAGE), "stage");
        assertThat(browser.text(By.id("session"))).contains("stage (sandbox)");
        browser.screenshot("renders-empty");

        browser.click(By.linkText("New render"));
        assertThat(browser.heading()).isEqualTo("New render");
        browser.screenshot("new-render");
        browser.click(By.cssSelector("form button[type=submit]"));
        String id = browser.until(driver -> {
            String hash = (String) browser.script("return location.hash");
            return hash.matches("#/render/[0-9a-f-]{36}") ? hash.substring("#/render/".length()) : null;
        });

        List<Long> progress = watchProgressUntilDone();
        assertThat(progress).as("progress seen on the page").isSorted().last().isEqualTo(100L);
        assertThat(stack.status(Environment.STAGE, id).path("status").asText()).isEqualTo("done");

        // the player is rebuilt once the hosted copy is ready; play the one that stays
        browser.find(By.xpath("//tr[td[2][text()='ready']]"));
        WebElement video = browser.find(By.cssSelector("video"));
        assertThat(video.getAttribute("src")).isEqualTo(stack.status(Environment.STAGE, id).path("url").asText());
        Object started = browser.asyncScript("const [video, done] = arguments; video.muted = true;"
                + " video.play().then(() => done('playing'), (error) => done(String(error)));", video);
        assertThat(started).isEqualTo("playing");
        double playedTo = browser.until(driver -> {
            double time = ((Number) browser.script("return arguments[0].currentTime", video)).doubleValue();
            return time >= 0.5 ? time : null;
        });
        assertThat(playedTo).isGreaterThanOrEqualTo(0.5);
        browser.screenshot("render-done-playing");

        browser.click(By.linkText("Renders"));
        assertThat(browser.text(By.xpath("//tr[td/a[@href='#/render/" + id + "']]")))
                .contains("done").contains("100%").contains("3.0 s");
        browser.screenshot("renders");
    }

    /** The progress values the render page shows, read as fast as the page could change them, until it says done. */
    private List<Long> watchProgressUntilDone() {
        List<Long> seen = new ArrayList<>();
        browser.until(driver -> {
            Object shown = browser.script("const bar = document.querySelector('main dl progress');"
                    + " return bar ? [bar.value, bar.closest('dl').querySelector('.status').textContent] : null");
            if (shown == null) {
                return null;
            }
            List<?> valueAndStatus = (List<?>) shown;
            long value = Math.round(((Number) valueAndStatus.get(0)).doubleValue());
            if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                seen.add(value);
            }
            return "done".equals(valueAndStatus.get(1)) ? true : null;
        });
        return seen;
    }

    @Test
    void deletingAHostedAssetFromTheRenderPageTakesItOffTheCdn() {
        String id = stack.submit(Environment.V1, Edits.SMALL);
        stack.awaitFinished(Environment.V1, id);
        browser.signIn(local.apiKey(Environment.V1), "v1");
        browser.go("#/render/" + id);
        String file = browser.until(driver -> browser.find(By.xpath("//tr[td[2][text()='ready']]/td[1]/a"))
                .getAttribute("href"));
        assertThat(PlainHttp.get(file).statusCode()).isEqualTo(200);
        browser.screenshot("render-assets");

        browser.click(By.xpath("//tr[td[2][text()='ready']]//button[text()='Delete']"));
        Alert confirm = browser.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).startsWith("Delete ");
        confirm.accept();

        browser.find(By.xpath("//tr[td[2][text()='deleted']]"));
        assertThat(browser.all(By.xpath("//button[text()='Delete']"))).isEmpty();
        Eventually.holds("the deleted asset's CDN URL stops serving", () -> PlainHttp.get(file).statusCode() != 200);
        browser.screenshot("render-asset-deleted");
    }

    @Test
    void aRendersPosterThumbnailAndCallbackDeliveriesAreShown() {
        WebhookSecret secret = WebhookSecret.parse(local.webhookSecret()).orElseThrow();
        try (WebhookReceiver receiver = WebhookReceiver.start(List.of(secret), stack.stack().clock(), callback -> {})) {
            String id = stack.submit(Environment.STAGE, """
                    {"callback": "%s",
                     "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Called"}, "start": 0, "length": 2}]}]},
                     "output": {"format": "mp4", "resolution": "preview", "poster": {"capture": 1},
                                "thumbnail": {"capture": 1, "scale": 0.5}}}""".formatted(receiver.url()));
            stack.awaitFinished(Environment.STAGE, id);
            Eventually.holds("the render's own callback arrived", () -> receiver.received().stream()
                    .anyMatch(callback -> callback.body().contains("\"render\"")));
            browser.signIn(local.apiKey(Environment.STAGE), "stage");
            browser.go("#/render/" + id);

            for (String picture : List.of("Poster of the render", "Thumbnail of the render")) {
                long width = browser.until(driver -> {
                    Object loaded = browser.script("const image = document.querySelector(`img[alt='${arguments[0]}']`);"
                            + " return image && image.complete ? image.naturalWidth : null", picture);
                    return loaded == null || ((Number) loaded).longValue() == 0 ? null : ((Number) loaded).longValue();
                });
                assertThat(width).as(picture + " loaded from the CDN").isPositive();
            }
            assertThat(browser.text(By.xpath("//h2[text()='Callback deliveries']/following-sibling::div[1]//tbody/tr[starts-with(td[1], 'render')]")))
                    .matches("render\\.\\S+ " + Pattern.quote(receiver.url().toString()) + " delivered 1 204 .+");
            browser.screenshot("render-poster-callbacks");
        }
    }

    @Test
    void aFailedRendersErrorIsShownInPlainWordsWithTheApisReason() {
        browser.signIn(local.apiKey(Environment.STAGE), "stage");
        browser.go("#/new");
        browser.on(By.id("edit-json"), editor -> editor.clear());
        browser.on(By.id("edit-json"), editor -> editor.sendKeys("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "http://127.0.0.1:%d/clip.mp4"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "resolution": "sd"}}""".formatted(portNobodyListensOn())));
        browser.click(By.cssSelector("form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("main [role=alert]")))
                .contains("This render failed. A file the edit names could not be fetched.")
                .contains("timeline.tracks[0].clips[0].asset.src could not be fetched: could not connect");
        assertThat(browser.text(By.cssSelector("main dl .status.failed"))).isEqualTo("failed");
        assertThat(browser.all(By.cssSelector("main progress"))).as("no progress bar on a failed render").isEmpty();
        browser.screenshot("render-failed");
    }

    @Test
    void anInvalidEditsErrorsAreListedAtTheirJsonPathsAndEachSelectsItsValue() {
        browser.signIn(local.apiKey(Environment.STAGE), "stage");
        browser.go("#/new");
        browser.on(By.id("edit-json"), editor -> editor.clear());
        browser.on(By.id("edit-json"), editor -> editor.sendKeys("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "title", "text": "Hi"}, "start": 0, "length": -4}]}]},
                 "output": {"format": "mp4", "resolution": "sd"}}"""));
        browser.click(By.cssSelector("form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("main [role=alert]")))
                .startsWith("400: ").contains("timeline.tracks[0].clips[0].length");
        browser.click(By.xpath("//button[text()='timeline.tracks[0].clips[0].length']"));
        assertThat(browser.script("const editor = document.activeElement;"
                + " return editor.id + ' ' + editor.value.slice(editor.selectionStart, editor.selectionEnd)"))
                .isEqualTo("edit-json -4");
        assertThat((String) browser.script("return location.hash")).isEqualTo("#/new");
        browser.screenshot("new-render-invalid");
    }

    @Test
    void aWrongKeyIsRefusedAndNothingIsKept() {
        browser.go("#/sign-in");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.on(By.id("api-key"), key -> key.sendKeys("not-a-key-of-this-stack" + Keys.ENTER));

        assertThat(browser.text(By.cssSelector("main [role=alert]")))
                .contains("This key is not a valid stage key");
        assertThat(browser.heading()).isEqualTo("Sign in");
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        // the nav shows only the pages that need no key (IBM videos, Picovico projects: their own credentials)
        assertThat(browser.all(By.cssSelector("#nav a")).stream().filter(WebElement::isDisplayed).map(WebElement::getText))
                .containsExactly("IBM videos", "Picovico projects");
        browser.screenshot("sign-in-refused");

        browser.go("#/renders");
        assertThat(browser.heading()).isEqualTo("Sign in");
    }

    @Test
    void aStageKeyDoesNotOpenV1() {
        browser.go("#/sign-in");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.on(By.id("api-key"), key -> key.sendKeys(local.apiKey(Environment.STAGE)));
        browser.click(By.id("version-v1"));
        browser.click(By.cssSelector("form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("main [role=alert]")))
                .contains("This key is not a valid v1 key");
    }

    @Test
    void everyPagesTextMeetsTheWcagContrastMinimum() {
        String done = stack.submit(Environment.STAGE, Edits.SMALL);
        String failed = stack.submit(Environment.STAGE, """
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "http://127.0.0.1:%d/clip.mp4"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "resolution": "sd"}}""".formatted(portNobodyListensOn()));
        stack.awaitFinished(Environment.STAGE, done);
        stack.awaitFinished(Environment.STAGE, failed);
        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("sign-in", () -> browser.go("#/sign-in"));
        pages.put("a refused key", () -> browser.on(By.id("api-key"), key -> key.sendKeys("nope" + Keys.ENTER)));
        pages.put("renders", () -> browser.signIn(local.apiKey(Environment.STAGE), "stage"));
        pages.put("a done render", () -> browser.go("#/render/" + done));
        pages.put("a failed render", () -> browser.go("#/render/" + failed));
        pages.put("new render with errors", () -> {
            browser.go("#/new");
            browser.on(By.id("edit-json"), editor -> editor.clear());
            browser.on(By.id("edit-json"), editor -> editor.sendKeys("{\"timeline\": {}}"));
            browser.click(By.cssSelector("form button[type=submit]"));
        });
        Map<String, List<String>> failures = new LinkedHashMap<>();
        pages.forEach((page, open) -> {
            open.run();
            // wait until the page has loaded what it shows (a status, an error, a table row)
            browser.until(driver -> !browser.all(By.cssSelector("main [role=alert], main .status, main tbody tr, main form"))
                    .isEmpty());
            failures.put(page, browser.textsBelowContrastMinimum());
        });
        assertThat(failures).allSatisfy((page, texts) -> assertThat(texts).as(page).isEmpty());
    }

    @Test
    void theKeyboardAloneSignsInFieldByField() {
        browser.go("#/sign-in");
        assertThat(browser.heading()).isEqualTo("Sign in");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            order.add((String) browser.script("const e = document.activeElement; return e.id || e.textContent.trim()"));
        }
        // the heading has the focus after a page is shown; Tab goes on from it through the form
        assertThat(order).containsSubsequence("api-key", "version-stage", "api-url", "Sign in");
        browser.on(By.id("api-key"), key -> key.sendKeys(local.apiKey(Environment.STAGE) + Keys.ENTER));
        browser.until(driver -> "Renders".equals(browser.heading()));
        assertThat(browser.script("return document.activeElement.tagName")).as("focus moved to the new page's heading")
                .isEqualTo("H1");
    }

    @Test
    void theSignInPageIsShownAndItsFirstPaintIsRecorded() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String visit : List.of("first visit", "second visit")) {
            browser.go("#/sign-in");
            assertThat(browser.heading()).isEqualTo("Sign in");
            List<Number> times = browser.paintTimes();
            lines.add("%s: first contentful paint %.0f ms, sign-in page shown %.0f ms".formatted(visit,
                    times.get(0).doubleValue(), times.get(1).doubleValue()));
            browser.driver().get("about:blank");
        }
        Files.createDirectories(DashboardBrowser.SCREENSHOTS);
        Files.write(DashboardBrowser.SCREENSHOTS.resolve("first-paint.txt"), lines);
        lines.forEach(System.out::println);
    }


    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
