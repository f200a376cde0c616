package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.media.MediaInfo;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedPipeIntermediatesTest {

    private static final String LOCATION = "s3://temp-bucket/work/owner/render-1/composition.nut";
    private static final MediaInfo STREAMED = new MediaInfo(OptionalDouble.of(30),
            Optional.of(new MediaInfo.VideoStream(1280, 720, 25, "rawvideo")),
            Optional.of(new MediaInfo.AudioStream(48000, 2, "pcm_s16le")), 0);

    @TempDir
    Path root;

    @Test
    void aLocationsPipeIsUnderTheRootByBucketAndKey() {
        assertThat(NamedPipeIntermediates.pipeOf(root, LOCATION))
                .contains(root.resolve("temp-bucket/work/owner/render-1/composition.nut"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://temp-bucket/work/../../etc/passwd", "s3://temp-bucket/work//x.nut",
            "s3://temp-bucket/./x.nut", "s3://temp-bucket/", "s3://Temp-Bucket/x.nut", "https://temp-bucket/x.nut",
            "file:///tmp/x.nut", "s3://temp-bucket/x.nut.json", "s3://temp-bucket/x y.nut"})
    void aLocationThatIsNoPlainS3KeyHasNoPipe(String location) {
        assertThat(NamedPipeIntermediates.pipeOf(root, location)).isEmpty();
        assertThatThrownBy(() -> new NamedPipeIntermediates(root).open(location, STREAMED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingMakesANamedPipeWhoseStatementReadsBackAsWhatItStreams() throws Exception {
        Path pipe = new NamedPipeIntermediates(root).open(LOCATION, STREAMED).orElseThrow();

        assertThat(Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .as("a FIFO").isTrue();
        assertThat(NamedPipeIntermediates.statementOf(pipe)).contains(STREAMED);
    }

    @Test
    void openingAgainKeepsThePipeAJobMayAlreadyWaitOn() throws Exception {
        NamedPipeIntermediates pipes = new NamedPipeIntermediates(root);
        Path first = pipes.open(LOCATION, STREAMED).orElseThrow();
        Object inode = Files.readAttributes(first, BasicFileAttributes.class).fileKey();

        Path again = pipes.open(LOCATION, STREAMED).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(Files.readAttributes(again, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void aPlainFileOrNothingStatesNothing() throws Exception {
        Path file = Files.writeString(root.resolve("composition.nut"), "not a pipe");
        Files.writeString(root.resolve("composition.nut.json"), "{\"duration\": 30}");

        assertThat(NamedPipeIntermediates.statementOf(file)).isEmpty();
        assertThat(NamedPipeIntermediates.statementOf(root.resolve("absent.nut"))).isEmpty();
    }

    @Test
    void removingDeletesThePipeAndItsStatement() throws Exception {
        Path pipe = new NamedPipeIntermediates(root).open(LOCATION, STREAMED).orElseThrow();

        NamedPipeIntermediates.remove(pipe);

        assertThat(pipe).doesNotExist();
        assertThat(pipe.resolveSibling("composition.nut.json")).doesNotExist();
    }
}
