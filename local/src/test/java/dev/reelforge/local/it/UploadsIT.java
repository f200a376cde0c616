package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.picovico.PicovicoContract;
import dev.reelforge.local.picovico.PicovicoHttp;
import dev.reelforge.media.FfmpegMediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's photos and music ({@code /me/photos}, {@code /me/musics}, {@code /me/uploads}) on the embedded stack,
 * through HTTP: bodies checked (signature, probe) before anything is kept, files served by the CDN, URLs fetched
 * through the address guard, the 4 MiB body limit and the presigned path for files up to 25 MB. Each test logs in
 * as an owner of its own.
 */
class UploadsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalStack stack;
    private static SampleMedia media;
    private static Path mediaDirectory;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        mediaDirectory = SharedStack.temporaryDirectory("uploads-media-");
        media = new SampleMedia(stack.ffmpeg(), mediaDirectory);
    }

    private static PicovicoHttp.Pair freshPair() {
        return PicovicoHttp.logIn(stack, PicovicoHttp.anotherOwner(stack).app(Environment.STAGE));
    }

    /**
     * A PUT of the file's exact bytes, with the Content-Type when given (Picovico's SDKs send none), its answer held to
     * the contract as PicovicoHttp holds the others.
     */
    private static PicovicoHttp.Response put(String path, PicovicoHttp.Pair pair, Optional<String> contentType,
            byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Access-Key", pair.accessKey()).header("X-Access-Token", pair.accessToken());
        contentType.ifPresent(type -> request.header("Content-Type", type));
        PicovicoHttp.Response response = send(request.build());
        PicovicoContract.shipped().check("PUT", path, response);
        return response;
    }

    private static PicovicoHttp.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            return new PicovicoHttp.Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PUT of the bytes to a presigned upload's URL with the headers its answer lists (the client sets the length). */
    private static PicovicoHttp.Response presignedPut(JsonNode target, byte[] bytes) {
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(target.path("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        target.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                upload.header(header.getKey(), header.getValue().asText());
            }
        });
        return send(upload.build());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> fetch(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MediaInfo probe(byte[] bytes, String name) {
        try {
            Path file = Files.write(mediaDirectory.resolve("probed-" + System.nanoTime() + "-" + name), bytes);
            MediaProbe.ProbeResult result = new FfmpegMediaProbe(stack.ffmpeg(), Duration.ofSeconds(30)).probe(file);
            assertThat(result).isInstanceOf(MediaProbe.ProbeResult.Probed.class);
            return ((MediaProbe.ProbeResult.Probed) result).info();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sound file made by ffmpeg with these codec arguments (a sine of {@code seconds}). */
    private static Path sound(String name, double seconds, String... codec) {
        Path target = mediaDirectory.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<String> command = new ArrayList<>(List.of(stack.ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-nostdin", "-y", "-f", "lavfi", "-i", "sine=f=330:d=" + seconds + ":sample_rate=44100"));
        command.addAll(Arrays.asList(codec));
        command.add(target.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertPicovicoError(PicovicoHttp.Response response, int status, String... named) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().path("error").path("status").asInt()).as(response.text()).isEqualTo(status);
        assertThat(response.errorMessage()).as(response.text()).contains(named);
        assertThat(response.text()).doesNotContain("Exception", "dev.reelforge", "\tat ");
    }

    @Test
    void aJpegBodyIsReadyAtOnceServedByTheCdnAndReadByTheProbe() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] jpeg = bytes(media.image("orange.jpg", "orange", 64, 48));

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/jpeg"), jpeg);

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode photo = put.body();
        String id = photo.path("id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(photo.path("url").asText()).endsWith("/" + pair.userId() + "/uploads/" + id + ".jpg");
        assertThat(photo.path("thumbnail_url").asText()).isEqualTo(photo.path("url").asText());
        assertThat(photo.path("status").asText()).isEqualTo("ready");
        assertThat(photo.path("size").asLong()).isEqualTo(jpeg.length);
        HttpResponse<byte[]> served = fetch(photo.path("url").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        MediaInfo info = probe(served.body(), "served.jpg");
        assertThat(info.video()).hasValueSatisfying(image -> {
            assertThat(image.width()).isEqualTo(64);
            assertThat(image.height()).isEqualTo(48);
            assertThat(image.codec()).startsWith("mjpeg");
        });
        JsonNode read = PicovicoHttp.get(stack, "/me/photos/" + id, pair).body();
        assertThat(read.path("status").asText()).isEqualTo("ready");
        assertThat(read.path("url").asText()).isEqualTo(photo.path("url").asText());
    }

    @Test
    void aPngSentWithoutContentTypeAsTheSdksSendItIsTakenForWhatItsBytesSay() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] png = bytes(media.image("teal.png", "teal", 40, 30));

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.empty(), png);

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().path("content_type").asText()).isEqualTo("image/png");
        assertThat(put.body().path("url").asText()).endsWith(".png");
        HttpResponse<byte[]> served = fetch(put.body().path("url").asText());
        assertThat(served.body()).isEqualTo(png);
        assertThat(probe(served.body(), "served.png").video()).hasValueSatisfying(image ->
                assertThat(image.codec()).startsWith("png"));
    }

    @Test
    void aBodyThatIsNotAnImageIsRefusedNamingTheBodyAndNothingIsKept() {
        PicovicoHttp.Pair pair = freshPair();

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.empty(),
                "this is not a photo, just text\n".getBytes(StandardCharsets.UTF_8));

        assertPicovicoError(put, 400, "body", "image/jpeg", "image/png");
        assertThat(PicovicoHttp.get(stack, "/me/photos", pair).body().path("photos")).isEmpty();
    }

    @Test
    void aFileThatBeginsLikeAJpegButIsNotOneIsRefusedByTheProbe() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] fake = new byte[4096];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/jpeg"), fake);

        assertPicovicoError(put, 400, "body");
    }

    @Test
    void aJpegCutShortIsRefusedAsOneThatDoesNotDecode() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] jpeg = bytes(media.image("red-640.jpg", "red", 640, 480));

        // its header is whole, so a probe alone would take it
        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/jpeg"),
                Arrays.copyOf(jpeg, jpeg.length * 3 / 4));

        assertPicovicoError(put, 400, "body", "does not decode");
        assertThat(PicovicoHttp.get(stack, "/me/photos", pair).body().path("photos")).isEmpty();
    }

    @Test
    void aPngDeclaredAsJpegIsRefusedNamingTheContentType() {
        PicovicoHttp.Pair pair = freshPair();

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/jpeg"),
                bytes(media.image("teal.png", "teal", 40, 30)));

        assertPicovicoError(put, 400, "Content-Type", "image/jpeg");
    }

    @Test
    void aTypeTheRouteDoesNotTakeIsRefusedNamingTheContentType() {
        PicovicoHttp.Pair pair = freshPair();

        PicovicoHttp.Response photo = put("/me/photos", pair, Optional.of("image/gif"),
                bytes(media.image("teal.png", "teal", 40, 30)));
        PicovicoHttp.Response music = put("/me/musics", pair, Optional.of("image/png"),
                bytes(media.image("teal.png", "teal", 40, 30)));

        assertPicovicoError(photo, 400, "Content-Type", "image/jpeg, image/png");
        assertPicovicoError(music, 400, "Content-Type", "audio/mpeg");
    }

    @Test
    void aBodyOverFourMebibytesIsRefusedWith413NamingTheLimitAndTheWayForLargerFiles() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        body[0] = (byte) 0x89;

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/png"), body);

        assertPicovicoError(put, 413, "4194304", "POST /me/uploads");
    }

    @Test
    void aBodyTooLargeForALambdaEventNeverReachesTheFunctionAsOnAws() {
        PicovicoHttp.Pair pair = freshPair();
        // 5 MB is under API Gateway's 10 MB, but its base64 alone is over Lambda's 6,291,456-byte request
        byte[] body = new byte[5 * 1000 * 1000];

        PicovicoHttp.Response put = put("/me/photos", pair, Optional.of("image/png"), body);

        assertPicovicoError(put, 500, "request id");
    }

    @Test
    void aBodyOverApiGatewaysLimitIsRefusedBeforeItIsSent() {
        PicovicoHttp.Pair pair = freshPair();
        RawHttp raw = new RawHttp(stack.apiUrl());

        // only the head goes: the answer comes without the body ever being sent
        RawHttp.Response response = raw.send(raw.head("PUT", "/me/photos", "X-Access-Key: " + pair.accessKey(),
                "X-Access-Token: " + pair.accessToken(), "Content-Type: image/png",
                "Content-Length: " + (10 * 1024 * 1024 + 1)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.bodyText()).contains("\"status\":413", "POST /me/uploads");
    }

    @Test
    void musicOfEachTypeIsReadyWithItsDuration() {
        PicovicoHttp.Pair pair = freshPair();
        Map<String, Path> files = Map.of(
                "audio/mpeg", media.tone("tone-3s.mp3", 440, 3),
                "audio/wav", sound("sine-2.5s.wav", 2.5, "-c:a", "pcm_s16le"),
                "audio/mp4", sound("sine-4s.m4a", 4, "-c:a", "aac"));
        Map<String, Double> seconds = Map.of("audio/mpeg", 3.0, "audio/wav", 2.5, "audio/mp4", 4.0);

        for (Map.Entry<String, Path> file : files.entrySet()) {
            PicovicoHttp.Response put = put("/me/musics", pair, Optional.empty(), bytes(file.getValue()));

            assertThat(put.status()).as(file.getKey() + ": " + put.text()).isEqualTo(200);
            assertThat(put.body().path("content_type").asText()).isEqualTo(file.getKey());
            assertThat(put.body().path("duration").asDouble()).as(file.getKey())
                    .isCloseTo(seconds.get(file.getKey()), within(0.1));
            assertThat(put.body().path("preview_url").asText()).isEqualTo(put.body().path("url").asText());
            assertThat(fetch(put.body().path("url").asText()).statusCode()).isEqualTo(200);
        }
        assertThat(PicovicoHttp.get(stack, "/me/musics", pair).body().path("musics")).hasSize(3);
    }

    @Test
    void anImageSentAsMusicIsRefused() {
        PicovicoHttp.Pair pair = freshPair();

        PicovicoHttp.Response put = put("/me/musics", pair, Optional.empty(),
                bytes(media.image("teal.png", "teal", 40, 30)));

        assertPicovicoError(put, 400, "body", "audio/mpeg");
    }

    @Test
    void aTwentyFiveMegabyteWavGoesThroughAPresignedUrlAndIsCheckedOnceWritten() {
        PicovicoHttp.Pair pair = freshPair();
        // 44.1 kHz 16-bit stereo: 176,400 bytes a second, so 148 s is 26,107,244 bytes, just under 25 MiB
        Path wav = sound("sine-148s.wav", 148, "-ac", "2", "-c:a", "pcm_s16le");
        byte[] file = bytes(wav);
        assertThat(file.length).isGreaterThan(25_000_000).isLessThanOrEqualTo(25 * 1024 * 1024);

        PicovicoHttp.Response requested = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(
                Map.of("kind", "music", "content_type", "audio/wav", "size", Long.toString(file.length))));

        assertThat(requested.status()).as(requested.text()).isEqualTo(200);
        JsonNode target = requested.body();
        assertThat(target.path("method").asText()).isEqualTo("PUT");
        assertThat(target.path("status").asText()).isEqualTo("pending");
        assertThat(target.path("expires").asLong()).isGreaterThan(stack.clock().instant().getEpochSecond());
        String id = target.path("id").asText();
        assertThat(PicovicoHttp.get(stack, "/me/musics/" + id, pair).body().path("status").asText())
                .isEqualTo("pending");

        PicovicoHttp.Response uploaded = presignedPut(target, file);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);

        Eventually.holds("the upload is checked", () -> !PicovicoHttp.get(stack, "/me/musics/" + id, pair).body()
                .path("status").asText().equals("pending"));
        JsonNode music = PicovicoHttp.get(stack, "/me/musics/" + id, pair).body();
        assertThat(music.path("status").asText()).as(music.toString()).isEqualTo("ready");
        assertThat(music.path("duration").asDouble()).isCloseTo(148.0, within(0.1));
        assertThat(music.path("size").asLong()).isEqualTo(file.length);
        HttpResponse<byte[]> served = fetch(music.path("url").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(file);
    }

    @Test
    void aPresignedUrlTakesOnlyTheSignedSize() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] png = bytes(media.image("teal.png", "teal", 40, 30));
        JsonNode target = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/png", "size", Integer.toString(png.length + 100)))).body();

        PicovicoHttp.Response uploaded = presignedPut(target, png);

        assertThat(uploaded.status()).isEqualTo(403);
        assertThat(PicovicoHttp.get(stack, "/me/photos/" + target.path("id").asText(), pair).body()
                .path("status").asText()).isEqualTo("pending");
    }

    @Test
    void aPresignedUrlWritesOnceSoACheckedFileCannotBeReplaced() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] png = bytes(media.image("teal.png", "teal", 40, 30));
        JsonNode target = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/png", "size", Integer.toString(png.length)))).body();
        String id = target.path("id").asText();
        assertThat(presignedPut(target, png).status()).isEqualTo(200);
        Eventually.holds("the upload is checked", () -> PicovicoHttp.get(stack, "/me/photos/" + id, pair).body()
                .path("status").asText().equals("ready"));
        byte[] other = png.clone();
        other[png.length - 20] ^= 0x55;

        PicovicoHttp.Response again = presignedPut(target, other);

        assertThat(again.status()).as(again.text()).isEqualTo(412);
        assertThat(fetch(PicovicoHttp.get(stack, "/me/photos/" + id, pair).body().path("url").asText()).body())
                .isEqualTo(png);
    }

    @Test
    void aFileWrittenThroughAPresignedUrlAfterItsUploadWasDeletedIsNotKept() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] png = bytes(media.image("teal.png", "teal", 40, 30));
        JsonNode target = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/png", "size", Integer.toString(png.length)))).body();
        assertThat(PicovicoHttp.delete(stack, "/me/photos/" + target.path("id").asText(), pair).status())
                .isEqualTo(200);

        PicovicoHttp.Response uploaded = presignedPut(target, png);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        Eventually.holds("the unowned file is removed", () ->
                fetch(target.path("url").asText()).statusCode() != 200);
    }

    @Test
    void aPresignedUploadThatIsNotWhatItWasAnnouncedAsFailsAndItsFileIsRemoved() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] text = "text announced as a PNG, and not one".getBytes(StandardCharsets.UTF_8);
        JsonNode target = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/png", "size", Integer.toString(text.length)))).body();
        String id = target.path("id").asText();

        PicovicoHttp.Response uploaded = presignedPut(target, text);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);

        Eventually.holds("the upload is checked", () -> !PicovicoHttp.get(stack, "/me/photos/" + id, pair).body()
                .path("status").asText().equals("pending"));
        JsonNode photo = PicovicoHttp.get(stack, "/me/photos/" + id, pair).body();
        assertThat(photo.path("status").asText()).isEqualTo("failed");
        assertThat(photo.path("failure").asText()).contains("image/png");
        // the CDN reads the bucket without listing it, so a missing file answers 403, as CloudFront's does
        assertThat(fetch(photo.path("url").asText()).statusCode()).isIn(403, 404);
    }

    @Test
    void aPresignedUploadRequestOutOfBoundsIsRefusedNamingTheField() {
        PicovicoHttp.Pair pair = freshPair();

        assertPicovicoError(PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "music",
                "content_type", "audio/wav", "size", Long.toString(25L * 1024 * 1024 + 1)))), 400, "size");
        assertPicovicoError(PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "video",
                "content_type", "video/mp4", "size", "100"))), 400, "kind");
        assertPicovicoError(PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/gif", "size", "100"))), 400, "content_type");
    }

    @Test
    void aPhotoNamedByUrlIsFetchedThroughTheGuardAndKept() {
        PicovicoHttp.Pair pair = freshPair();
        Path jpeg = media.image("by-url.jpg", "navy", 50, 20);

        try (LoopbackFileServer files = LoopbackFileServer.serve(mediaDirectory)) {
            PicovicoHttp.Response posted = PicovicoHttp.post(stack, "/me/photos", pair, PicovicoHttp.form(Map.of(
                    "url", files.url("by-url.jpg").toString(), "source", "hosted",
                    "thumbnail_url", files.url("by-url.jpg").toString())));

            assertThat(posted.status()).as(posted.text()).isEqualTo(200);
            assertThat(posted.body().path("status").asText()).isEqualTo("ready");
            assertThat(fetch(posted.body().path("url").asText()).body()).isEqualTo(bytes(jpeg));
        }
    }

    @Test
    void aUrlTheGuardRefusesIsRefusedNamingUrl() {
        PicovicoHttp.Pair pair = freshPair();

        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/photo.jpg",
                "s3://reelforge-local-hosting-000000000000-us-east-1/x.jpg", "file:///etc/passwd", "not a url")) {
            PicovicoHttp.Response posted = PicovicoHttp.post(stack, "/me/photos", pair,
                    PicovicoHttp.form(Map.of("url", url)));

            assertPicovicoError(posted, 400, "\"url\"");
        }
        assertPicovicoError(PicovicoHttp.post(stack, "/me/photos", pair, PicovicoHttp.form(Map.of())), 400, "\"url\"");
        assertThat(PicovicoHttp.get(stack, "/me/photos", pair).body().path("photos")).isEmpty();
    }

    @Test
    void anotherOwnersPairNeverSeesAnUpload() {
        PicovicoHttp.Pair owner = freshPair();
        PicovicoHttp.Pair other = freshPair();
        String id = put("/me/photos", owner, Optional.empty(), bytes(media.image("teal.png", "teal", 40, 30)))
                .body().path("id").asText();

        assertPicovicoError(PicovicoHttp.get(stack, "/me/photos/" + id, other), 404, "photo");
        assertPicovicoError(PicovicoHttp.delete(stack, "/me/photos/" + id, other), 404, "photo");
        assertThat(PicovicoHttp.get(stack, "/me/photos", other).body().path("photos")).isEmpty();
        assertThat(PicovicoHttp.get(stack, "/me/photos/" + id, owner).status()).isEqualTo(200);
        // nor is a photo found as music
        assertThat(PicovicoHttp.get(stack, "/me/musics/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void deletingAPhotoRemovesItsFileAndItem() {
        PicovicoHttp.Pair pair = freshPair();
        JsonNode photo = put("/me/photos", pair, Optional.empty(), bytes(media.image("teal.png", "teal", 40, 30)))
                .body();
        String id = photo.path("id").asText();

        PicovicoHttp.Response deleted = PicovicoHttp.delete(stack, "/me/photos/" + id, pair);

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.body().path("message").asText()).isEqualTo("Photo deleted");
        assertPicovicoError(PicovicoHttp.get(stack, "/me/photos/" + id, pair), 404, "photo");
        assertThat(fetch(photo.path("url").asText()).statusCode()).isIn(403, 404);
        assertPicovicoError(PicovicoHttp.delete(stack, "/me/photos/" + id, pair), 404, "photo");
    }

    @Test
    void aProjectRendersWithPhotosAndMusicNamedByIdOnceTheyAreReady() {
        PicovicoHttp.Pair pair = freshPair();
        String photo = put("/me/photos", pair, Optional.empty(), bytes(media.image("orange.jpg", "orange", 64, 48)))
                .body().path("id").asText();
        String music = put("/me/musics", pair, Optional.empty(), bytes(media.tone("tone-3s.mp3", 440, 3)))
                .body().path("id").asText();
        String pending = PicovicoHttp.post(stack, "/me/uploads", pair, PicovicoHttp.form(Map.of("kind", "photo",
                "content_type", "image/png", "size", "100"))).body().path("id").asText();
        String draft = PicovicoHttp.post(stack, "/me/videos", pair, PicovicoHttp.form(Map.of("name", "By id")))
                .body().path("id").asText();
        Map<String, String> json = Map.of("X-Access-Key", pair.accessKey(), "X-Access-Token", pair.accessToken(),
                "Content-Type", "application/json");

        PicovicoHttp.send(stack, "POST", "/me/videos/" + draft, json, Optional.of("{\"style\": \"vanilla\","
                + " \"assets\": [{\"name\": \"image\", \"asset_id\": \"" + pending + "\", \"start_time\": 0,"
                + " \"end_time\": 5}]}"));
        PicovicoHttp.Response notReady = PicovicoHttp.post(stack, "/me/videos/" + draft + "/render", pair, "");
        PicovicoHttp.send(stack, "POST", "/me/videos/" + draft, json, Optional.of("{\"assets\": ["
                + "{\"name\": \"image\", \"asset_id\": \"" + photo + "\", \"start_time\": 0, \"end_time\": 5},"
                + "{\"name\": \"music\", \"asset_id\": \"" + music + "\", \"start_time\": 0, \"end_time\": 0}]}"));
        PicovicoHttp.Response rendering = PicovicoHttp.post(stack, "/me/videos/" + draft + "/render", pair, "");

        assertThat(notReady.status()).as(notReady.text()).isEqualTo(400);
        assertThat(notReady.body().path("error").path("status").asInt()).isEqualTo(7403);
        assertThat(rendering.status()).as(rendering.text()).isEqualTo(200);
        assertThat(rendering.body().path("status").asInt()).isEqualTo(7201);
    }

    @Test
    void theListingIsNewestFirstInBoundedPages() {
        PicovicoHttp.Pair pair = freshPair();
        byte[] png = bytes(media.image("teal.png", "teal", 40, 30));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(put("/me/photos", pair, Optional.of("image/png"), png).body().path("id").asText());
        }

        JsonNode first = PicovicoHttp.get(stack, "/me/photos?count=3", pair).body();
        JsonNode second = PicovicoHttp.get(stack, first.path("paging").path("next_url").asText(), pair).body();

        assertThat(first.path("photos").findValuesAsText("id"))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(second.path("photos").findValuesAsText("id")).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.path("paging").path("next_url").isNull()).isTrue();
        assertPicovicoError(PicovicoHttp.get(stack, "/me/photos?count=101", pair), 400, "count");
        assertPicovicoError(PicovicoHttp.get(stack, "/me/photos?before=x", pair), 400, "before");
    }
}
