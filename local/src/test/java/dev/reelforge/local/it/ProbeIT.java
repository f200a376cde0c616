package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.media.SampleMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /edit/{version}/probe/{url}} through HTTP on the embedded stack, judged by the contract: the URL sent as
 * the official SDK sends it ({@code encodeURIComponent}), media served on loopback by a server that honours ranges
 * (as S3 and CDNs do) and counts what it sends, so a probe is seen to read a file's head and index, not the file.
 */
class ProbeIT {

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String stageKey;
    private static Path directory;
    private static SampleMedia media;
    private static RangeServer server;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
        directory = SharedStack.temporaryDirectory("probe-media");
        media = new SampleMedia(stack.ffmpeg(), directory);
        server = RangeServer.serve(directory);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** As the SDK sends it: {@code encodeURIComponent(url)}, one path segment. */
    private static ApiResponse probe(String url) {
        return api.get("/edit/stage/probe/" + URLEncoder.encode(url, StandardCharsets.UTF_8).replace("+", "%20"),
                stageKey);
    }

    /** 4 s of noise (barely compressible: about 15 MB, far beyond the probe's 4 MiB head) with a tone. */
    private static Path noisyVideo(String name, String... extra) {
        return noisyVideo(name, 4, extra);
    }

    private static Path noisyVideo(String name, int seconds, String... extra) {
        Path target = directory.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<String> command = new ArrayList<>(List.of(stack.ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=" + seconds + ",noise=alls=60:allf=t+u",
                "-f", "lavfi", "-i", "sine=f=440:d=" + seconds + ":sample_rate=48000", "-c:v", "libx264", "-preset", "ultrafast",
                "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        command.addAll(List.of(extra));
        command.add(target.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode metadataOf(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().path("success").asBoolean()).isTrue();
        assertThat(response.body().path("message").asText()).isEqualTo("Created");
        return response.body().path("response").path("metadata");
    }

    /** The first stream of {@code type} ({@code video}, {@code audio}) in a probe's metadata. */
    static JsonNode stream(JsonNode metadata, String type) {
        for (JsonNode stream : metadata.path("streams")) {
            if (stream.path("codec_type").asText().equals(type)) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + metadata);
    }

    private static void assertVideoMetadata(JsonNode metadata, String url, Path file) throws IOException {
        JsonNode video = stream(metadata, "video");
        assertThat(video.path("codec_name").asText()).isEqualTo("h264");
        assertThat(video.path("width").asInt()).isEqualTo(640);
        assertThat(video.path("height").asInt()).isEqualTo(360);
        assertThat(video.path("r_frame_rate").asText()).isEqualTo("25/1");
        JsonNode audio = stream(metadata, "audio");
        assertThat(audio.path("codec_name").asText()).isEqualTo("aac");
        assertThat(audio.path("sample_rate").asText()).isEqualTo("48000");
        assertThat(audio.path("channels").asInt()).isEqualTo(1);
        JsonNode format = metadata.path("format");
        assertThat(format.path("filename").asText()).as("the user's URL, never a path of the stack's")
                .isEqualTo(url);
        assertThat(Double.parseDouble(format.path("duration").asText())).isBetween(3.9, 4.1);
        assertThat(format.path("size").asText()).isEqualTo(Long.toString(Files.size(file)));
        assertThat(metadata.toString()).doesNotContain("/tmp", "probe-", "file:");
    }

    @Test
    void aVideoWhoseIndexComesLastIsProbedFromItsHeadAndItsIndexNotTheWholeFile() throws IOException {
        Path file = noisyVideo("index-last.mp4");
        String url = server.url("index-last.mp4");
        long sentBefore = server.bytesSent();

        JsonNode metadata = metadataOf(probe(url));

        assertVideoMetadata(metadata, url, file);
        long sent = server.bytesSent() - sentBefore;
        assertThat(sent).as("the head (4 MiB) and the moov box at the end, not all %s bytes", Files.size(file))
                .isLessThan(Files.size(file) / 2);
    }

    @Test
    void aVideoWhoseIndexComesFirstIsProbedFromItsHeadAlone() throws IOException {
        Path file = noisyVideo("index-first.mp4", "-movflags", "+faststart");
        String url = server.url("index-first.mp4");
        int requestsBefore = server.requests();

        JsonNode metadata = metadataOf(probe(url));

        assertVideoMetadata(metadata, url, file);
        assertThat(server.requests() - requestsBefore).as("one ranged GET of the head").isEqualTo(1);
    }

    @Test
    void aServerThatIgnoresRangesIsReadUpToTheCapAndAnsweredAsWell() throws IOException {
        Path file = media.video("small.mp4", 320, 180, 2, 440);
        String url = server.url("norange/small.mp4");

        JsonNode metadata = metadataOf(probe(url));

        assertThat(stream(metadata, "video").path("width").asInt()).isEqualTo(320);
        assertThat(metadata.path("format").path("size").asText()).isEqualTo(Long.toString(Files.size(file)));
    }

    @Test
    void aVideoBeyondTheCapWhoseIndexComesLastFromAServerWithoutRangesIsRefusedSayingWhy() throws IOException {
        Path file = noisyVideo("long-index-last.mp4", 6);
        assertThat(Files.size(file)).as("beyond the probe's 16 MiB").isGreaterThan(16L * 1024 * 1024);

        assertRefused(probe(server.url("norange/long-index-last.mp4")), "ignores range requests");
    }

    @Test
    void anImageHasAPictureAndNoDuration() {
        media.image("still.png", "orange", 200, 100);
        String url = server.url("still.png");

        JsonNode metadata = metadataOf(probe(url));

        assertThat(metadata.path("streams")).hasSize(1);
        JsonNode picture = stream(metadata, "video");
        assertThat(picture.path("codec_name").asText()).isEqualTo("png");
        assertThat(picture.path("width").asInt()).isEqualTo(200);
        assertThat(picture.path("height").asInt()).isEqualTo(100);
        assertThat(metadata.path("format").has("duration")).isFalse();
        assertThat(metadata.path("format").path("filename").asText()).isEqualTo(url);
    }

    @Test
    void anAudioFileHasASoundAndItsDuration() {
        media.tone("tone.mp3", 330, 3);
        String url = server.url("tone.mp3");

        JsonNode metadata = metadataOf(probe(url));

        assertThat(metadata.path("streams")).hasSize(1);
        JsonNode sound = stream(metadata, "audio");
        assertThat(sound.path("codec_name").asText()).isEqualTo("mp3");
        assertThat(sound.path("sample_rate").asText()).isEqualTo("44100");
        assertThat(Double.parseDouble(metadata.path("format").path("duration").asText())).isBetween(2.9, 3.2);
    }

    private static void assertRefused(ApiResponse response, String... words) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        String said = response.body().path("response").asText();
        assertThat(said).startsWith("url ").contains(words).doesNotContain("/tmp", "Exception", "file:");
        assertThat(response.body().path("errors").get(0).path("path").asText()).isEqualTo("url");
    }

    @Test
    void anAddressTheGuardRefusesIsRefusedBeforeAnyConnection() {
        assertRefused(probe("http://169.254.169.254/latest/meta-data/clip.mp4"), "169.254.169.254 is");
        assertRefused(probe("http://10.0.0.1/clip.mp4"), "10.0.0.1 is");
    }

    @Test
    void aMissingFileAtTheOriginIsRefusedNamingItsStatus() {
        assertRefused(probe(server.url("nothing-here.mp4")), "the server answered 404");
    }

    @Test
    void somethingThatIsNotMediaIsRefused() {
        media.notMedia("words.mp4");

        assertRefused(probe(server.url("words.mp4")), "is not a video, image or audio file");
    }

    @Test
    void aUrlEncodedTwiceIsDecodedOnceAndRefusedAsNoUrl() {
        String once = URLEncoder.encode(server.url("still.png"), StandardCharsets.UTF_8);

        assertRefused(probe(once), "must be an absolute http or https URL");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        assertRefused(probe("file:///etc/passwd"), "must be an absolute http or https URL");
    }

    /**
     * Serves a directory on loopback as S3 or a CDN would: {@code Range: bytes=a-b} answered 206 with its
     * Content-Range, except under {@code /norange/}, which answers 200 with the whole file, as a server without
     * range support does. Counts the requests and the body bytes sent.
     */
    static final class RangeServer implements AutoCloseable {

        private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-(\\d*)$");

        private final HttpServer server;
        private final Path directory;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong requests = new AtomicLong();

        private RangeServer(HttpServer server, Path directory) {
            this.server = server;
            this.directory = directory;
        }

        static RangeServer serve(Path directory) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
                RangeServer files = new RangeServer(server, directory.toAbsolutePath().normalize());
                server.createContext("/", files::handle);
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                server.start();
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        }

        long bytesSent() {
            return sent.get();
        }

        int requests() {
            return (int) requests.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.incrementAndGet();
                String path = exchange.getRequestURI().getPath().substring(1);
                boolean ranges = !path.startsWith("norange/");
                Path file = directory.resolve(ranges ? path : path.substring("norange/".length())).normalize();
                if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                long size = Files.size(file);
                long first = 0;
                long last = size - 1;
                String range = exchange.getRequestHeaders().getFirst("Range");
                Matcher matcher = range == null ? null : RANGE.matcher(range);
                boolean partial = ranges && matcher != null && matcher.matches();
                if (partial) {
                    first = Long.parseLong(matcher.group(1));
                    last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
                    if (first >= size) {
                        exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + size);
                }
                exchange.sendResponseHeaders(partial ? 206 : 200, last - first + 1);
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
                        OutputStream out = exchange.getResponseBody()) {
                    in.seek(first);
                    byte[] buffer = new byte[64 * 1024];
                    long left = last - first + 1;
                    while (left > 0) {
                        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (read < 0) {
                            break;
                        }
                        out.write(buffer, 0, read);
                        sent.addAndGet(read);
                        left -= read;
                    }
                } catch (IOException closedEarly) {
                    // the prober stops reading once it has what it needs
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
