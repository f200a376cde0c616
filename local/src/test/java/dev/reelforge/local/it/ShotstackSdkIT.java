package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shotstack's official Node SDK, unchanged but for its base path, drives the embedded stack: what a Shotstack user's
 * code does, judged by what the SDK itself parsed from each answer.
 */
class ShotstackSdkIT {

    private static LocalStack stack;
    private static ShotstackSdk sdk;
    private static RenderPlayback playback;
    private static SampleMedia media;
    private static LoopbackFileServer files;

    @TempDir
    static Path work;

    @BeforeAll
    static void startStackAndInstallTheSdk() {
        stack = SharedStack.get();
        sdk = ShotstackSdk.against(stack.apiUrl(), stack.descriptor().apiKey(Environment.STAGE), "stage");
        playback = new RenderPlayback(stack.ffmpeg(), work);
        media = new SampleMedia(stack.ffmpeg(), work);
        files = LoopbackFileServer.serve(work);
    }

    @AfterAll
    static void stopServingFiles() {
        if (files != null) {
            files.close();
        }
    }

    private static JsonNode succeeded(JsonNode printed) {
        assertThat(printed.has("error")).as("the SDK's calls failed: %s", printed).isFalse();
        return printed;
    }

    @Test
    void theSdkRendersAnEditReadsItsStatusWithProgressAndFindsItsHostedVideo() {
        JsonNode result = succeeded(sdk.run("render", Json.object()));

        assertThat(result.at("/queued/message").asText()).isEqualTo("Render Successfully Queued");
        JsonNode status = result.path("status");
        assertThat(status.path("id").asText()).isEqualTo(result.at("/queued/id").asText());
        assertThat(status.path("status").asText()).isEqualTo("done");
        URI url = URI.create(status.path("url").asText());
        assertThat(playback.durationAt(url)).isCloseTo(2.0, within(0.1));
        assertThat(result.path("assets").findValuesAsText("filename"))
                .contains(status.path("id").asText() + ".mp4");
        assertThat(result.at("/asset/status").asText()).isEqualTo("ready");
        assertThat(result.at("/statusAsSent/progress").asInt()).as("progress is sent").isEqualTo(100);
        assertThat(result.at("/statusAsParsed/status").asText()).as("and the SDK parses the status around it")
                .isEqualTo("done");
        assertThat(result.at("/statusAsParsed/url").asText()).isEqualTo(status.path("url").asText());
        assertThat(result.path("parsedKnowsProgress").asBoolean()).as("the SDK ignores the field it does not know")
                .isFalse();
        assertThat(playback.durationAt(URI.create(result.at("/asset/url").asText()))).isCloseTo(2.0, within(0.1));
    }

    @Test
    void theSdkSavesListsUpdatesRendersWithMergeFieldsAndDeletesATemplate() {
        JsonNode result = succeeded(sdk.run("templates", Json.object()));

        String id = result.at("/created/id").asText();
        assertThat(result.at("/created/message").asText()).isEqualTo("Template Successfully Created");
        assertThat(result.at("/listed/templates").findValuesAsText("id")).contains(id);
        assertThat(result.at("/read/template/name").asText()).isEqualTo("SDK template");
        assertThat(result.at("/read/template/template/timeline/tracks/0/clips/0/asset/text").asText())
                .isEqualTo("{{NAME}}");
        if (!result.at("/read/parsedBySdk").asBoolean()) {
            assertThat(result.at("/read/sdkError").asText()).as("the SDK's own parsing, not the exchange, failed")
                    .startsWith("Multiple matches found constructing `Asset`");
        }
        assertThat(result.at("/updated/id").asText()).isEqualTo(id);
        assertThat(result.at("/reread/template/name").asText()).isEqualTo("SDK template, renamed");
        JsonNode status = result.path("status");
        assertThat(status.path("status").asText()).isEqualTo("done");
        assertThat(playback.durationAt(URI.create(status.path("url").asText())))
                .as("the updated template's 3 s, not the first one's 2 s").isCloseTo(3.0, within(0.1));
        assertThat(result.path("afterDelete").asInt()).isEqualTo(404);
    }

    @Test
    void theSdkProbesAVideoAnImageAndASound() {
        Path video = media.video("probed.mp4", 640, 360, 3, 440);
        Path image = media.picture("probed.png", 7, 320, 240);
        Path sound = media.tone("probed.mp3", 220, 2);
        ObjectNode urls = Json.object();
        urls.put("video", files.url(video.getFileName().toString()).toString());
        urls.put("image", files.url(image.getFileName().toString()).toString());
        urls.put("sound", files.url(sound.getFileName().toString()).toString());
        ObjectNode inputs = Json.object();
        inputs.set("urls", urls);

        JsonNode result = succeeded(sdk.run("probe", inputs));

        JsonNode videoProbe = result.at("/video/response/metadata");
        assertThat(videoProbe.at("/format/filename").asText()).isEqualTo(urls.path("video").asText());
        assertThat(videoProbe.at("/format/duration").asDouble()).isCloseTo(3.0, within(0.1));
        JsonNode videoStream = ProbeIT.stream(videoProbe, "video");
        assertThat(videoStream.path("width").asInt()).isEqualTo(640);
        assertThat(videoStream.path("height").asInt()).isEqualTo(360);
        assertThat(ProbeIT.stream(videoProbe, "audio").path("codec_name").asText()).isEqualTo("aac");
        JsonNode imageStream = ProbeIT.stream(result.at("/image/response/metadata"), "video");
        assertThat(imageStream.path("width").asInt()).isEqualTo(320);
        assertThat(imageStream.path("codec_name").asText()).isEqualTo("png");
        assertThat(result.at("/sound/response/metadata/format/duration").asDouble()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void theSdkIngestsASourceIntoRenditionsAndDeletesIt() {
        Path video = media.video("ingested.mp4", 1280, 720, 3, 330);
        ObjectNode inputs = Json.object();
        inputs.put("url", files.url(video.getFileName().toString()).toString());
        var renditions = inputs.putArray("renditions");
        renditions.addObject().put("format", "mp4").put("resolution", "mobile").put("fps", 24);
        renditions.addObject().put("format", "mp4").put("resolution", "preview").put("filename", "small");

        JsonNode result = succeeded(sdk.run("ingest", inputs));

        String id = result.at("/queued/id").asText();
        JsonNode ready = result.at("/ready/attributes");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("width").asInt()).isEqualTo(1280);
        assertThat(ready.path("duration").asDouble()).isCloseTo(3.0, within(0.1));
        assertThat(playback.durationAt(URI.create(ready.path("source").asText()))).isCloseTo(3.0, within(0.1));
        List<JsonNode> made = new ArrayList<>();
        ready.at("/outputs/renditions").forEach(made::add);
        assertThat(made).hasSize(2).allSatisfy(rendition -> assertThat(rendition.path("status").asText())
                .isEqualTo("ready"));
        assertThat(made.get(0).path("width").asInt()).isEqualTo(640);
        assertThat(made.get(0).path("fps").asDouble()).isEqualTo(24.0);
        assertThat(made.get(1).path("url").asText()).endsWith("-small.mp4");
        for (JsonNode rendition : made) {
            assertThat(playback.durationAt(URI.create(rendition.path("url").asText()))).isCloseTo(3.0, within(0.1));
        }
        List<String> listed = new ArrayList<>();
        result.path("listedIds").forEach(listedId -> listed.add(listedId.asText()));
        assertThat(listed).contains(id);
        assertThat(result.at("/upload/attributes/url").asText()).startsWith("http");

        ObjectNode toDelete = Json.object();
        toDelete.put("id", id);
        JsonNode deleted = succeeded(sdk.run("deleteSource", toDelete));

        assertThat(deleted.at("/deleted/attributes/status").asText()).isEqualTo("deleted");
        URI rendition = URI.create(made.get(0).path("url").asText());
        Eventually.holds("the deleted source's rendition is no longer served",
                () -> PlainHttp.head(rendition.toString()) != 200);
    }

    @Test
    void theSdkTransfersAFileIntoHosting() throws IOException {
        Path image = media.picture("transferred.png", 3, 200, 100);
        String id = UUID.randomUUID().toString();
        ObjectNode inputs = Json.object();
        inputs.put("url", files.url(image.getFileName().toString()).toString());
        inputs.put("id", id);

        JsonNode result = succeeded(sdk.run("transfer", inputs));

        assertThat(result.at("/queued/attributes/id").asText()).isEqualTo(id);
        assertThat(result.at("/queued/attributes/status").asText()).isEqualTo("queued");
        JsonNode hosted = result.at("/hosted/0");
        assertThat(hosted.path("status").asText()).isEqualTo("ready");
        HttpResponse<byte[]> served = PlainHttp.get(hosted.path("url").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readAllBytes(image));
    }
}
