package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.media.BundledFfmpeg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code ./reelforge clock}: on a running stack it moves that stack's clock through its control endpoint and
 * prints what the lifecycle rules did; with none, it moves the clock kept in the data directory, which the next
 * stack starts from.
 */
class ClockCommandIT {

    private final Path dataDirectory = temporaryDirectory();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void removeDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reelforge-clock-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalStack start() {
        return LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}, true,
                Optional.of(BundledFfmpeg.extractTo(Path.of("target", "render-it-ffmpeg"))), Map.of()));
    }

    private int clock(String... arguments) throws Exception {
        out.reset();
        err.reset();
        List<String> line = new ArrayList<>(List.of(arguments));
        line.addAll(List.of("--data-dir", dataDirectory.toString()));
        return ClockCommand.run(CommandLine.parse(new ArrayDeque<>(line)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String tempBucket(LocalStack stack) {
        return stack.template().buckets().stream().filter(bucket -> bucket.logicalId().equals("TempBucket"))
                .findFirst().orElseThrow().bucketName();
    }

    private static boolean exists(LocalStack stack, String key) {
        try {
            stack.services().s3().headObject(head -> head.bucket(tempBucket(stack)).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    @Test
    void onARunningStackItAdvancesThatStacksClockAndPrintsWhatExpired() throws Exception {
        try (LocalStack stack = start()) {
            stack.services().s3().putObject(put -> put.bucket(tempBucket(stack)).key("renders/owner/old.mp4"),
                    RequestBody.fromString("an output"));

            assertThat(clock("advance", "P3D")).isZero();

            assertThat(stack.clock().offset()).isEqualTo(Duration.ofDays(3));
            assertThat(printed()).contains("advanced the stack's clock by PT72H")
                    .contains("expired s3://" + tempBucket(stack) + "/renders/owner/old.mp4");
            assertThat(exists(stack, "renders/owner/old.mp4")).isFalse();

            assertThat(clock("show")).isZero();
            assertThat(printed()).contains("real time + PT72H");
        }
    }

    @Test
    void aDurationThatIsNotForwardIsRefused() throws Exception {
        try (LocalStack stack = start()) {
            assertThat(clock("advance", "PT-1H")).isEqualTo(2);
            assertThat(clock("advance", "tomorrow")).isEqualTo(2);
            assertThat(clock("advance")).isEqualTo(2);

            assertThat(stack.clock().offset()).isZero();
        }
    }

    @Test
    void withNoStackTheDataDirectorysClockMovesAndTheNextStackStartsThereAndAppliesTheRules() throws Exception {
        try (LocalStack stack = start()) {
            stack.services().s3().putObject(put -> put.bucket(tempBucket(stack)).key("work/owner/left.mp4"),
                    RequestBody.fromString("an intermediate"));
        }

        assertThat(clock("advance", "PT49H")).isZero();
        assertThat(printed()).contains("no stack is running").contains("PT49H");
        assertThat(LocalClock.open(dataDirectory).offset()).isEqualTo(Duration.ofHours(49));

        try (LocalStack stack = start()) {
            assertThat(stack.clock().offset()).isEqualTo(Duration.ofHours(49));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (exists(stack, "work/owner/left.mp4") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(exists(stack, "work/owner/left.mp4")).as("expired by the rules applied at start").isFalse();
        }
    }
}
