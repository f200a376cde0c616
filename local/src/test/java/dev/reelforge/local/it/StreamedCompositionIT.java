package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * On the embedded stack a video the encoder reads once (nothing to capture) is composed into a pipe its
 * MediaConvert job reads as it is written, so the two overlap; a video with a poster is composed into a stored
 * intermediate first, as on AWS, since its captures read the composition a second time.
 */
class StreamedCompositionIT {

    private static final String EDIT = """
            {"timeline": {"background": "#203060", "tracks": [{"clips": [
                {"asset": {"type": "title", "text": "Streamed"}, "start": 0, "length": 3}]}]},
             "output": {"format": "mp4", "resolution": "preview"%s}}
            """;

    private static RenderTestStack stack;

    @BeforeAll
    static void start() {
        stack = RenderTestStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVideoWithNothingToCaptureIsEncodedFromItsCompositionAsItIsWrittenWhichIsNeverStored() throws Exception {
        RenderTestStack.Watched render = stack.render(Environment.V1, EDIT.formatted(""));

        Path mp4 = stack.download(render.assertDone().render().path("url").asText(), "mp4");
        assertThat(stack.playback().probe(mp4).duration().orElseThrow()).isCloseTo(3, within(0.05));
        URI input = inputOf(render.render().path("id").asText());
        assertThat(input.getPath()).endsWith("/composition.nut");
        assertThat(stored(input)).as("the composition is not stored").isFalse();
        try (Stream<Path> left = Files.walk(stack.stack().services().intermediatePipes())) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("nothing is left of the pipe").isEmpty();
        }
    }

    @Test
    void aVideoWithAPosterIsEncodedFromAStoredComposition() {
        RenderTestStack.Watched render = stack.render(Environment.V1, EDIT.formatted(", \"poster\": {\"capture\": 1}"));

        render.assertDone();
        URI input = inputOf(render.render().path("id").asText());
        assertThat(input.getPath()).endsWith("/composition.mov");
        assertThat(stored(input)).isTrue();
    }

    private static URI inputOf(String renderId) {
        return URI.create(stack.jobOf(renderId).settings().inputs().getFirst().fileInput());
    }

    private static boolean stored(URI location) {
        try {
            stack.stack().services().s3().headObject(head -> head.bucket(location.getHost())
                    .key(location.getPath().substring(1)));
            return true;
        } catch (NoSuchKeyException absent) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
