package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.probe.MediaSampler.SampleResult;
import dev.reelforge.core.url.FetchableUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's sampler against servers on loopback: what it asks for (the head, then an MP4's trailing index), what it
 * writes (a sparse file of the source's length), and how it ends a source that is too slow, too large or refused.
 */
class GuardedMediaSamplerTest {

    private static final int HEAD = 1024;
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-(\\d+)$");

    @TempDir
    Path directory;

    private final LoopbackHttpServer server = LoopbackHttpServer.http();
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private static GuardedMediaSampler sampler(long maxBytes, Duration deadline) {
        return new GuardedMediaSampler(new SampleLimits(HEAD, maxBytes, 1L << 30, Duration.ofSeconds(2), deadline,
                true, 2));
    }

    private static FetchableUrl url(URI uri) {
        return ((FetchableUrl.Reading.Accepted) FetchableUrl.read(uri.toString(), Set.of("http", "https"))).url();
    }

    /** Serves {@code file} at {@code path}, honouring single ranges as S3 does. */
    private void serveRanges(String path, byte[] file) {
        server.route(path, exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(range);
            Matcher matcher = RANGE.matcher(range == null ? "" : range);
            if (!matcher.matches()) {
                LoopbackHttpServer.respond(exchange, 200, file);
                return;
            }
            int first = Integer.parseInt(matcher.group(1));
            int last = Math.min(file.length - 1, Integer.parseInt(matcher.group(2)));
            exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + file.length);
            exchange.sendResponseHeaders(206, last - first + 1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file, first, last - first + 1);
            }
        });
    }

    private static byte[] box(String type, int size, byte fill) {
        ByteBuffer box = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        byte[] bytes = box.array();
        Arrays.fill(bytes, 8, size, fill);
        return bytes;
    }

    /** ftyp, a 10 KiB mdat, then moov: an MP4 as encoders write it when they put the index last. */
    private static byte[] indexLast() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(box("ftyp", 24, (byte) 'f'));
        file.write(box("mdat", 10 * 1024, (byte) 'm'));
        file.write(box("moov", 300, (byte) 'i'));
        return file.toByteArray();
    }

    @Test
    void anMp4WhoseIndexComesLastIsSampledAsItsHeadAndItsIndexInAFileOfItsLength() throws IOException {
        byte[] file = indexLast();
        serveRanges("/v.mp4", file);
        Path target = directory.resolve("sample");

        SampleResult result = sampler(64 * 1024, Duration.ofSeconds(10)).sample(url(server.uri("/v.mp4")), target);

        assertThat(result).isEqualTo(new SampleResult.Sampled(target, file.length, false));
        int moov = file.length - 300;
        assertThat(ranges).containsExactly("bytes=0-" + (HEAD - 1), "bytes=" + moov + "-" + (file.length - 1));
        byte[] sample = Files.readAllBytes(target);
        assertThat(sample).hasSize(file.length);
        assertThat(Arrays.copyOfRange(sample, 0, HEAD)).isEqualTo(Arrays.copyOfRange(file, 0, HEAD));
        assertThat(Arrays.copyOfRange(sample, moov, file.length)).isEqualTo(Arrays.copyOfRange(file, moov, file.length));
        assertThat(sample[HEAD + 1]).as("the middle of mdat is never fetched").isZero();
    }

    @Test
    void anIndexBeyondTheCapIsRefusedNamingIt() throws IOException {
        serveRanges("/v.mp4", indexLast());

        SampleResult result = sampler(HEAD + 100, Duration.ofSeconds(10)).sample(url(server.uri("/v.mp4")),
                directory.resolve("sample"));

        assertThat(result).isInstanceOf(SampleResult.Refused.class);
        assertThat(((SampleResult.Refused) result).reason()).contains("moov");
        assertThat(directory.resolve("sample")).doesNotExist();
    }

    @Test
    void aServerThatIgnoresRangesIsReadUpToTheCapIntoAFileOfItsDeclaredLength() throws IOException {
        byte[] file = new byte[5000];
        Arrays.fill(file, (byte) 7);
        server.route("/plain.mp3", exchange -> LoopbackHttpServer.respond(exchange, 200, file));
        Path target = directory.resolve("sample");

        SampleResult result = sampler(2000, Duration.ofSeconds(10)).sample(url(server.uri("/plain.mp3")), target);

        assertThat(result).isEqualTo(new SampleResult.Sampled(target, 5000, true));
        byte[] sample = Files.readAllBytes(target);
        assertThat(sample).hasSize(5000);
        assertThat(sample[1999]).isEqualTo((byte) 7);
        assertThat(sample[2000]).as("beyond the cap: not read").isZero();
    }

    @Test
    void aServerThatSendsTooSlowlyIsCutOffAtTheDeadline() {
        server.route("/slow.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(1);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        SampleResult result = sampler(64 * 1024, Duration.ofMillis(700)).sample(url(server.uri("/slow.mp4")),
                directory.resolve("sample"));

        assertThat(result).isEqualTo(new SampleResult.Refused(
                "did not arrive within 700 ms (a probe reads the file's head, and its index, within that time)"));
    }

    @Test
    void aMissingFileIsRefusedWithTheServersStatus() {
        server.route("/gone.mp4", exchange -> LoopbackHttpServer.respond(exchange, 404, new byte[0]));

        assertThat(sampler(64 * 1024, Duration.ofSeconds(10)).sample(url(server.uri("/gone.mp4")),
                directory.resolve("sample"))).isEqualTo(new SampleResult.Refused("the server answered 404"));
    }

    @Test
    void aPartOtherThanTheOneAskedForIsRefused() {
        server.route("/odd.mp4", exchange -> {
            exchange.getResponseHeaders().set("Content-Range", "bytes 5-9/100");
            LoopbackHttpServer.respond(exchange, 206, new byte[5]);
        });

        assertThat(sampler(64 * 1024, Duration.ofSeconds(10)).sample(url(server.uri("/odd.mp4")),
                directory.resolve("sample"))).isEqualTo(new SampleResult.Refused(
                        "the server answered 206 with another part than the one asked for"));
    }

    @Test
    void aPrivateAddressIsRefusedWithoutAConnection() {
        GuardedMediaSampler guarded = new GuardedMediaSampler(new SampleLimits(HEAD, 64 * 1024, 1L << 30,
                Duration.ofSeconds(2), Duration.ofSeconds(10), false, 2));

        SampleResult result = guarded.sample(url(server.uri("/v.mp4")), directory.resolve("sample"));

        assertThat(result).isInstanceOf(SampleResult.Refused.class);
        assertThat(((SampleResult.Refused) result).reason()).startsWith("127.0.0.1 is ");
        assertThat(server.totalRequests()).isZero();
    }
}
