package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard's Templates and Ingested sources pages in a real browser (headless Chromium) against the embedded
 * stack: a template listed, rendered with merge fields to the render page and deleted; a template saved from the page
 * after its errors were shown at their JSON paths; a source fetched by a loopback URL followed to ready with its
 * rendition, played and deleted; a URL the Ingest API refuses shown with its error. Each test signs in with a key of
 * its own account, so the lists hold its things only. Every page's text meets the WCAG contrast minimum. Screenshots
 * under target/dashboard-screenshots.
 */
class DashboardTemplatesAndSourcesBrowserIT {

    private static final String TEMPLATE = """
            {"name": "Greeting",
             "template": {"timeline": {"tracks": [{"clips": [
                 {"asset": {"type": "title", "text": "{{GREETING}} {{NAME}}"}, "start": 0, "length": "{{LEN}}"}]}]},
               "output": {"format": "mp4", "resolution": "sd"},
               "merge": [{"find": "GREETING", "replace": "Hello"}]}}""";

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static Path mediaDirectory;
    private static SampleMedia media;
    private static LoopbackFileServer files;
    private DashboardBrowser browser;
    private String key;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        mediaDirectory = SharedStack.temporaryDirectory("dashboard-sources-");
        media = new SampleMedia(stack.ffmpeg(), mediaDirectory);
        files = LoopbackFileServer.serve(mediaDirectory);
    }

    @AfterAll
    static void stop() {
        if (files != null) {
            files.close();
        }
        SharedStack.deleteRecursively(mediaDirectory);
    }

    @BeforeEach
    void openBrowserSignedInAsANewAccount() {
        key = new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand()).apiKeys().get(Environment.STAGE).value();
        browser = DashboardBrowser.open(stack.descriptor().services().get("dashboard"));
        browser.signIn(key, "stage");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private String hashId(String route) {
        return browser.until(driver -> {
            String hash = (String) browser.script("return location.hash");
            return hash.matches("#/" + route + "/[0-9a-zA-Z-]{36}") ? hash.substring(("#/" + route + "/").length()) : null;
        });
    }

    private void acceptConfirm(String startingWith) {
        Alert confirm = browser.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).startsWith(startingWith);
        confirm.accept();
    }

    @Test
    void aTemplateIsListedRenderedWithItsMergeFieldsToTheRenderPageAndDeleted() {
        ApiResponse created = api.post("/edit/stage/templates", key, TEMPLATE);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String id = created.body().at("/response/id").asText();

        browser.click(By.linkText("Templates"));
        assertThat(browser.heading()).isEqualTo("Templates");
        assertThat(browser.text(By.xpath("//tbody/tr[td/a[@href='#/template/" + id + "']]"))).contains("Greeting", id);
        assertThat(browser.textsBelowContrastMinimum()).as("templates").isEmpty();
        browser.screenshot("templates");

        browser.click(By.linkText("Greeting"));
        // the heading names the template once it is loaded (its quotes are the <q>'s, drawn by CSS)
        browser.until(driver -> "Template Greeting".equals(browser.heading()));
        assertThat(browser.text(By.cssSelector("main pre.json"))).contains("\"text\": \"{{GREETING}} {{NAME}}\"");
        List<String> labels = browser.all(By.cssSelector("main fieldset label")).stream().map(WebElement::getText).toList();
        assertThat(labels).containsExactly("GREETING (default \"Hello\")", "NAME (no default: left as {{NAME}})",
                "LEN (no default: left as {{LEN}})");
        browser.on(By.xpath("//label[starts-with(., 'NAME')]/following-sibling::input[1]"), field -> field.sendKeys("Ada"));
        browser.on(By.xpath("//label[starts-with(., 'LEN')]/following-sibling::input[1]"), field -> field.sendKeys("2"));
        assertThat(browser.textsBelowContrastMinimum()).as("template").isEmpty();
        browser.screenshot("template");
        browser.click(By.xpath("//button[text()='Render']"));

        String render = hashId("render");
        browser.until(driver -> "done".equals(browser.text(By.cssSelector("main dl .status"))));
        assertThat(browser.heading()).isEqualTo("Render " + render);
        assertThat(browser.text(By.cssSelector("main pre.json"))).as("the template's edit with the page's merge fields")
                .contains("{{GREETING}} {{NAME}}").contains("Ada");
        // merged: the edit as stored keeps "length": "{{LEN}}", which the contract's Edit schema does not allow
        assertThat(api.get("/edit/stage/render/" + render, Map.of("merged", "true"), key).body().at("/response/duration")
                .asDouble()).as("LEN merged as a number").isEqualTo(2.0);
        browser.screenshot("template-rendered");

        browser.go("#/template/" + id);
        browser.click(By.xpath("//button[text()='Delete template']"));
        acceptConfirm("Delete the template \"Greeting\"?");
        browser.until(driver -> "Templates".equals(browser.heading()));
        browser.until(driver -> "No templates yet.".equals(browser.text(By.cssSelector("main p.hint"))));
        assertThat(api.get("/edit/stage/templates/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void aTemplateSavedFromThePageShowsItsErrorsAtTheirPathsThenOpensOnceValid() {
        browser.go("#/templates");
        assertThat(browser.heading()).isEqualTo("Templates");
        browser.click(By.xpath("//summary[text()='Save a new template']"));
        browser.on(By.id("template-name"), field -> {
            field.clear();
            field.sendKeys("Broken");
        });
        browser.script("document.getElementById('template-json').value = arguments[0]", """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hi"}, "start": 0, "length": -4}]}]},
                 "output": {"format": "mp4", "resolution": "sd"}}""");
        browser.click(By.xpath("//button[text()='Save template']"));

        assertThat(browser.text(By.cssSelector("main form [role=alert]")))
                .startsWith("400: ").contains("template.timeline.tracks[0].clips[0].length");
        browser.click(By.xpath("//button[text()='template.timeline.tracks[0].clips[0].length']"));
        assertThat(browser.script("const editor = document.activeElement;"
                + " return editor.id + ' ' + editor.value.slice(editor.selectionStart, editor.selectionEnd)"))
                .as("the path inside the body's template, selected in the editor of the template")
                .isEqualTo("template-json -4");
        assertThat(browser.textsBelowContrastMinimum()).as("template-invalid").isEmpty();
        browser.screenshot("template-invalid");

        browser.script("const editor = document.getElementById('template-json');"
                + " editor.value = editor.value.replace('-4', '3')");
        browser.click(By.xpath("//button[text()='Save template']"));

        String id = hashId("template");
        browser.until(driver -> "Template Broken".equals(browser.heading()));
        assertThat(api.get("/edit/stage/templates/" + id, key).body().at("/response/template/timeline/tracks/0/clips/0/length")
                .asInt()).isEqualTo(3);
    }

    @Test
    void aSourceFetchedByUrlBecomesReadyWithItsRenditionPlaysAndIsDeleted() {
        media.video("dashboard-source.mp4", 320, 240, 2, 440);
        String url = files.url("dashboard-source.mp4").toString();

        browser.click(By.linkText("Sources"));
        assertThat(browser.heading()).isEqualTo("Ingested sources");
        browser.until(driver -> "No sources yet.".equals(browser.text(By.cssSelector("main tbody td"))));
        browser.on(By.id("source-url"), field -> field.sendKeys(url));
        browser.on(By.id("source-outputs"), field -> field.sendKeys(
                "{\"renditions\": [{\"format\": \"mp4\", \"resolution\": \"mobile\"}]}"));
        browser.click(By.xpath("//button[text()='Fetch']"));

        String id = hashId("source");
        browser.until(driver -> "ready".equals(browser.text(By.cssSelector("main dl .status")))
                && !browser.all(By.xpath("//h2[text()='Renditions']/following-sibling::div[1]//tbody/tr[td[2]='ready']")).isEmpty());
        assertThat(browser.text(By.cssSelector("main dl.facts"))).contains(url).contains("320×240").contains("2.0 s")
                .contains("25 fps");
        assertThat(browser.text(By.xpath("//h2[text()='Renditions']/following-sibling::div[1]//tbody/tr")))
                .contains("ready", "mp4 mobile", "Open");
        WebElement video = browser.find(By.cssSelector("main video"));
        String stored = api.get("/ingest/stage/sources/" + id, key).body().at("/data/attributes/source").asText();
        assertThat(video.getAttribute("src")).isEqualTo(stored);
        Object started = browser.asyncScript("const [video, done] = arguments; video.muted = true;"
                + " video.play().then(() => done('playing'), (error) => done(String(error)));", video);
        assertThat(started).isEqualTo("playing");
        browser.until(driver -> ((Number) browser.script("return arguments[0].currentTime", video)).doubleValue() >= 0.5);
        assertThat(browser.textsBelowContrastMinimum()).as("source-ready").isEmpty();
        browser.screenshot("source-ready");

        browser.click(By.linkText("Sources"));
        assertThat(browser.text(By.xpath("//tbody/tr[td/a[@href='#/source/" + id + "']]")))
                .contains("ready", url, "320×240", "2.0 s", "mp4 mobile");
        assertThat(browser.textsBelowContrastMinimum()).as("sources").isEmpty();
        browser.screenshot("sources");

        browser.click(By.linkText(id));
        browser.click(By.xpath("//button[text()='Delete source']"));
        acceptConfirm("Delete the source " + id + "?");
        browser.until(driver -> "Ingested sources".equals(browser.heading()));
        browser.until(driver -> "No sources yet.".equals(browser.text(By.cssSelector("main tbody td"))));
        Eventually.holds("the deleted source's file stops serving", () -> PlainHttp.get(stored).statusCode() != 200);
    }

    @Test
    void aUrlTheIngestApiRefusesIsShownWithItsError() {
        browser.go("#/sources");
        assertThat(browser.heading()).isEqualTo("Ingested sources");
        browser.on(By.id("source-url"), field -> field.sendKeys("ftp://127.0.0.1/clip.mp4"));
        browser.click(By.xpath("//button[text()='Fetch']"));

        assertThat(browser.text(By.cssSelector("main form [role=alert]")))
                .isEqualTo("400: Validation Error\nurl must be an absolute http or https URL");
        assertThat((String) browser.script("return location.hash")).isEqualTo("#/sources");
        assertThat(browser.textsBelowContrastMinimum()).as("source-refused").isEmpty();
        browser.screenshot("source-refused");
    }
}
