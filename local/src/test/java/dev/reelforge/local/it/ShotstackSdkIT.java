package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import java.net.URI;
import java.nio.file.Path;
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

    @TempDir
    static Path work;

    @BeforeAll
    static void startStackAndInstallTheSdk() {
        stack = SharedStack.get();
        sdk = ShotstackSdk.against(stack.apiUrl(), stack.descriptor().apiKey(Environment.STAGE), "stage");
        playback = new RenderPlayback(stack.ffmpeg(), work);
    }

    private static JsonNode succeeded(JsonNode printed) {
        assertThat(printed.has("error")).as("the SDK's calls failed: %s", printed).isFalse();
        return printed;
    }

    @Test
    void theSdkRendersAnEditAndFindsItsHostedVideo() {
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
        assertThat(playback.durationAt(URI.create(result.at("/asset/url").asText()))).isCloseTo(2.0, within(0.1));
    }
}
