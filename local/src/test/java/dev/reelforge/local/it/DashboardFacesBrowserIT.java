package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.picovico.PicovicoHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * The dashboard's IBM videos and Picovico projects pages in a real browser (headless Chromium) against the embedded
 * stack, with local.json's IBM client and Picovico app and no API key: connect (a wrong secret refused), see the video
 * or project listed, play it, request a downloadable and download it, set and clear an expiration, open a project's
 * renditions and public link, delete it. The pages talk to the faces' APIs cross-origin (CORS). Screenshots under
 * target/dashboard-screenshots.
 */
class DashboardFacesBrowserIT {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final String PROJECT_NAME = "Summer in Lisbon";

    private static RenderTestStack stack;
    private static LocalDescriptor local;
    private static String videoTitle;
    private DashboardBrowser browser;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        local = stack.stack().descriptor();
        String render = stack.render(Environment.STAGE, Edits.SMALL).render().path("id").asText();
        videoTitle = render + ".mp4";
        // the render's MP4 is an IBM video once it is hosted, a moment after the render is done
        String token = IbmHttp.accessToken(stack.stack(), Environment.STAGE);
        Eventually.holds("the render's hosted MP4 is listed as an IBM video", () ->
                IbmHttp.get(stack.stack(), "/users/self/videos.json", token).text().contains(videoTitle));
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

    private static IbmHttp.Client ibmClient() {
        return IbmHttp.developmentClient(stack.stack(), Environment.STAGE);
    }

    private static PicovicoHttp.App picovicoApp() {
        return PicovicoHttp.developmentApp(stack.stack(), Environment.STAGE);
    }

    private void type(String id, String text) {
        browser.on(By.id(id), field -> {
            field.clear();
            field.sendKeys(text);
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> sessionStorage() {
        return (Map<String, String>) browser.script("return {...sessionStorage}");
    }

    private void assertReadable(String page) {
        assertThat(browser.textsBelowContrastMinimum()).as("%s: texts below the WCAG contrast minimum", page).isEmpty();
    }

    @Test
    void ibmVideosConnectWithTheLocalClientListTheVideoPlayItDownloadItAndSetAndClearItsExpiration() {
        browser.go("#/ibm");
        assertThat(browser.heading()).isEqualTo("IBM videos");
        assertThat(browser.find(By.id("ibm-api-url")).getAttribute("value")).isEqualTo(local.apiUrl().toString());
        browser.screenshot("ibm-connect");

        type("ibm-client-id", ibmClient().clientId());
        type("ibm-client-secret", "not-the-secret");
        browser.click(By.xpath("//main//button[text()='Connect']"));
        assertThat(browser.text(By.cssSelector("main [role=alert]")))
                .contains("The client id or the client secret is wrong");
        assertThat(sessionStorage()).isEmpty();

        type("ibm-client-secret", ibmClient().clientSecret() + Keys.ENTER);
        WebElement title = browser.find(By.linkText(videoTitle));
        assertThat(browser.text(By.cssSelector("main .notice"))).contains("stage (sandbox)");
        assertThat(browser.text(By.xpath("//tr[td/a[text()='" + videoTitle + "']]"))).as("its length").contains("2.0 s");
        assertThat(sessionStorage()).as("only the token is kept, in the tab").containsKey("reelforge.ibm.token")
                .doesNotContainValue(ibmClient().clientSecret());
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        browser.screenshot("ibm-videos");
        assertReadable("IBM videos");

        title.click();
        browser.until(driver -> browser.heading().contains(videoTitle)); // once the video's answer is shown
        String id = ((String) browser.script("return location.hash")).replace("#/ibm/video/", "");
        String token = sessionStorage().get("reelforge.ibm.token");
        JsonNode video = IbmHttp.get(stack.stack(), "/videos/" + id + ".json", token).body().path("video");
        WebElement player = browser.find(By.cssSelector("main video"));
        assertThat(player.getAttribute("src")).isEqualTo(video.path("url").asText());
        Object started = browser.asyncScript("const [video, done] = arguments; video.muted = true;"
                + " video.play().then(() => done('playing'), (error) => done(String(error)));", player);
        assertThat(started).isEqualTo("playing");
        browser.until(driver -> ((Number) browser.script("return arguments[0].currentTime", player)).doubleValue() >= 0.5);

        browser.click(By.xpath("//main//button[text()='Request FLV']"));
        WebElement download = browser.find(By.linkText("Download FLV"));
        JsonNode flv = IbmHttp.get(stack.stack(), "/videos/" + id + "/downloadable/flv.json", token).body()
                .path("downloadable");
        assertThat(flv.path("status").asText()).isEqualTo("available");
        assertThat(download.getAttribute("href")).isEqualTo(flv.path("download_url").asText());
        assertThat(PlainHttp.get(download.getAttribute("href")).statusCode()).as("the download link works").isEqualTo(200);
        assertThat(browser.text(By.xpath("//tr[th[text()='FLV']]/td[3]"))).as("available until").matches(".*\\d{4}.*");
        assertThat(browser.text(By.xpath("//tr[th[text()='MP4']]"))).contains("unavailable");
        browser.find(By.xpath("//main//button[text()='Request MP4']"));

        LocalDateTime tomorrow = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        browser.on(By.id("ibm-expires-at"), field -> browser.script("arguments[0].value = arguments[1]", field,
                tomorrow.toString()));
        browser.click(By.xpath("//main//button[text()='Set expiration']"));
        browser.find(By.xpath("//main//button[text()='Clear expiration']"));
        browser.until(driver -> browser.text(By.cssSelector("main")).contains("Expires at"));
        JsonNode set = IbmHttp.get(stack.stack(), "/videos/" + id + "/expiration.json", token).body().path("expiration");
        assertThat(set.path("rule").asText()).isEqualTo("at_given_time");
        assertThat(set.path("expires_at").asLong())
                .isEqualTo(tomorrow.atZone(ZoneId.systemDefault()).toEpochSecond());
        browser.screenshot("ibm-video");
        assertReadable("an IBM video");

        browser.click(By.xpath("//main//button[text()='Clear expiration']"));
        browser.until(driver -> browser.text(By.cssSelector("main")).contains("Never expires."));
        assertThat(IbmHttp.get(stack.stack(), "/videos/" + id + "/expiration.json", token).body()
                .at("/expiration/rule").asText()).isEqualTo("never");
    }

    @Test
    void picovicoProjectsConnectWithTheLocalAppShowCreditsTheProjectItsRenditionsAndPublicLinkAndDeleteIt() {
        String project = publishedProject();
        browser.go("#/picovico");
        assertThat(browser.heading()).isEqualTo("Picovico projects");
        browser.screenshot("picovico-connect");

        type("picovico-app-id", picovicoApp().appId());
        type("picovico-app-secret", "not-the-secret");
        browser.click(By.xpath("//main//button[text()='Connect']"));
        assertThat(browser.text(By.cssSelector("main [role=alert]"))).contains("The app id or the app secret is wrong");

        type("picovico-app-secret", picovicoApp().appSecret() + Keys.ENTER);
        WebElement name = browser.find(By.xpath("//tr[td/a[@href='#/picovico/project/" + project + "']]"));
        assertThat(name.getText()).contains(PROJECT_NAME).contains("published").contains("vanilla").contains("480");
        long credits = PicovicoHttp.get(stack.stack(), "/me", PicovicoHttp.logIn(stack.stack(), Environment.STAGE))
                .body().path("credits").asLong();
        browser.until(driver -> browser.text(By.cssSelector("main .notice")).contains("Credits: " + credits + "."));
        assertThat(sessionStorage()).containsKeys("reelforge.picovico.accessKey", "reelforge.picovico.accessToken")
                .doesNotContainValue(picovicoApp().appSecret());
        browser.screenshot("picovico-projects");
        assertReadable("Picovico projects");

        browser.click(By.linkText(PROJECT_NAME));
        browser.until(driver -> browser.heading().contains(PROJECT_NAME)); // once the project's answer is shown
        JsonNode files = PicovicoHttp.get(stack.stack(), "/me/videos/" + project,
                PicovicoHttp.logIn(stack.stack(), Environment.STAGE)).body().path("video");
        assertThat(browser.find(By.linkText("480p MP4")).getAttribute("href")).isEqualTo(files.at("/480/url").asText());
        assertThat(browser.find(By.linkText("360p MP4")).getAttribute("href")).isEqualTo(files.at("/360/url").asText());
        WebElement player = browser.find(By.cssSelector("main video"));
        assertThat(player.getAttribute("src")).as("the best quality plays").isEqualTo(files.at("/480/url").asText());
        Object started = browser.asyncScript("const [video, done] = arguments; video.muted = true;"
                + " video.play().then(() => done('playing'), (error) => done(String(error)));", player);
        assertThat(started).isEqualTo("playing");
        browser.until(driver -> ((Number) browser.script("return arguments[0].currentTime", player)).doubleValue() >= 0.5);
        String link = browser.find(By.partialLinkText("/v/" + project + "/")).getAttribute("href");
        HttpResponse<byte[]> shared = PlainHttp.get(link);
        assertThat(shared.statusCode()).as("the public link, without credentials").isEqualTo(302);
        assertThat(shared.headers().firstValue("Location")).contains(files.at("/480/url").asText());
        browser.screenshot("picovico-project");
        assertReadable("a Picovico project");

        browser.click(By.xpath("//main//button[text()='Delete project']"));
        Alert confirm = browser.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains(PROJECT_NAME);
        confirm.accept();
        browser.until(driver -> "#/picovico".equals(browser.script("return location.hash")));
        browser.until(driver -> browser.all(By.xpath("//a[@href='#/picovico/project/" + project + "']")).isEmpty()
                && !browser.all(By.cssSelector("main tbody tr")).isEmpty());
        assertThat(PicovicoHttp.get(stack.stack(), "/me/videos/" + project,
                PicovicoHttp.logIn(stack.stack(), Environment.STAGE)).status()).isEqualTo(404);
    }

    @Test
    void bothPagesOpenFromTheNavWithoutAnApiKeyAndTheRendersStillAskForOne() {
        browser.go("#/renders");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.click(By.linkText("IBM videos"));
        assertThat(browser.heading()).isEqualTo("IBM videos");
        browser.find(By.id("ibm-client-id"));
        assertReadable("IBM connect form");
        browser.click(By.linkText("Picovico projects"));
        assertThat(browser.heading()).isEqualTo("Picovico projects");
        browser.find(By.id("picovico-app-id"));
        assertReadable("Picovico connect form");
        assertThat(browser.all(By.linkText("Renders"))).as("the renders need a key").allSatisfy(link ->
                assertThat(link.isDisplayed()).isFalse());
    }

    /** A project of local.json's stage app, rendered at 480 (so in 480 and 360) and published. */
    private static String publishedProject() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack.stack(), Environment.STAGE);
        String photo = stack.url(stack.media().image("beach.png", "0x2E86C1", 640, 360));
        PicovicoHttp.Response draft = PicovicoHttp.post(stack.stack(), "/me/videos", pair,
                PicovicoHttp.form(Map.of("name", PROJECT_NAME)));
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        String id = draft.body().path("id").asText();
        Map<String, String> json = new LinkedHashMap<>(Map.of("X-Access-Key", pair.accessKey(),
                "X-Access-Token", pair.accessToken(), "Content-Type", "application/json"));
        PicovicoHttp.Response updated = PicovicoHttp.send(stack.stack(), "POST", "/me/videos/" + id, json, Optional.of("""
                {"style": "vanilla", "quality": 480, "assets": [
                  {"name": "image", "url": "%s", "start_time": 0, "end_time": 5, "data": {"text": "The river"}}]}"""
                .formatted(photo)));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        PicovicoHttp.Response rendered = PicovicoHttp.post(stack.stack(), "/me/videos/" + id + "/render", pair, "");
        assertThat(rendered.status()).as(rendered.text()).isEqualTo(200);
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (true) {
            String status = PicovicoHttp.get(stack.stack(), "/me/videos/" + id, pair).body().path("status").asText();
            if (status.equals("published")) {
                return id;
            }
            assertThat(status).as("project %s", id).isEqualTo("processing");
            assertThat(Instant.now()).as("project %s still processing", id).isBefore(deadline);
            RenderTestStack.sleep(Duration.ofMillis(200));
        }
    }


}
