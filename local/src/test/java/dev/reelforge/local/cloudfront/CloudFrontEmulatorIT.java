package dev.reelforge.local.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.services.LoopbackPorts;
import dev.reelforge.local.services.S3ProxyServer;
import dev.reelforge.local.template.DistributionDefinition;
import dev.reelforge.local.template.DistributionDefinition.ResponseHeader;
import dev.reelforge.media.BundledFfmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudFront emulator over HTTP, as a browser, ffmpeg and the SDK meet it, with real content in S3Proxy: a
 * public distribution of a hosting bucket and a signed-URL distribution of a temporary bucket's {@code renders/},
 * the URLs signed by the functions' own signer. Its clock is this test's, moved by hand.
 */
class CloudFrontEmulatorIT {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final String POLICY_CACHE_CONTROL = "public, max-age=86400";

    private static Path directory;
    private static S3ProxyServer s3Server;
    private static S3Client s3;
    private static CloudFrontEmulator emulator;
    private static AdjustableClock clock;
    private static KeyPair keys;
    private static URI hosting;
    private static URI temporary;
    private static byte[] poster;
    private static Path video;
    private static Path ffmpeg;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void serveTwoDistributions() throws Exception {
        directory = Files.createTempDirectory("reelforge-cloudfront-");
        s3Server = S3ProxyServer.start(directory.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                LocalCredentials.SECRET_ACCESS_KEY);
        s3 = LocalClients.s3(s3Server.endpoint());
        s3.createBucket(create -> create.bucket("hosting"));
        s3.createBucket(create -> create.bucket("temp"));
        poster = new byte[1000];
        for (int i = 0; i < poster.length; i++) {
            poster[i] = (byte) (i * 7);
        }
        s3.putObject(put -> put.bucket("hosting").key("owner1/poster.jpg").contentType("image/jpeg"),
                RequestBody.fromBytes(poster));
        s3.putObject(put -> put.bucket("hosting").key("owner1/short-lived.txt").contentType("text/plain")
                .cacheControl("max-age=60"), RequestBody.fromString("kept a minute"));
        ffmpeg = BundledFfmpeg.extractTo(Path.of("target", "test-ffmpeg").toAbsolutePath());
        video = new SampleMedia(ffmpeg, directory.resolve("media")).video("clip.mp4", 320, 180, 3, 440);
        s3.putObject(put -> put.bucket("temp").key("renders/owner1/clip.mp4").contentType("video/mp4"),
                RequestBody.fromFile(video));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        List<ResponseHeader> policy = List.of(new ResponseHeader("Cache-Control", POLICY_CACHE_CONTROL, false));
        clock = new AdjustableClock(Instant.parse("2025-03-01T10:00:00Z"));
        emulator = CloudFrontEmulator.start(List.of(
                new DistributionDefinition("HostingDistribution", "EHOSTING000001", "127.0.0.1:" + LoopbackPorts.free(),
                        "hosting", "", Map.of(), policy),
                new DistributionDefinition("TempDistribution", "ETEMPORARY0001", "127.0.0.1:" + LoopbackPorts.free(),
                        "temp", "renders", Map.of(KEY_PAIR_ID, publicKeyPem), policy)), s3, clock);
        hosting = emulator.distributionUrls().get("HostingDistribution");
        temporary = emulator.distributionUrls().get("TempDistribution");
    }

    @AfterAll
    static void stop() throws IOException {
        if (emulator != null) {
            emulator.close();
        }
        if (s3Server != null) {
            s3.close();
            s3Server.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String signed(String key) {
        return new CloudFrontSignedUrls(temporary, "renders/", KEY_PAIR_ID, keys.getPrivate(), clock).urlOf(key);
    }

    private HttpResponse<byte[]> get(String url, String... headers) {
        return send("GET", url, headers);
    }

    private HttpResponse<byte[]> send(String method, String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void servesAHostedFileWithItsTypeLengthValidatorsAndTheDistributionsCacheControl() {
        HttpResponse<byte[]> response = get(hosting + "/owner1/poster.jpg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(poster);
        assertThat(header(response, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(response, "Content-Length")).isEqualTo("1000");
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(response, "ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(Instant.from(HTTP_DATE.parse(header(response, "Last-Modified"))))
                .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(1));
        assertThat(header(response, "Cache-Control")).isEqualTo(POLICY_CACHE_CONTROL);
    }

    @Test
    void anObjectsOwnCacheControlWinsOverTheDistributionsDefault() {
        HttpResponse<byte[]> response = get(hosting + "/owner1/short-lived.txt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Cache-Control")).isEqualTo("max-age=60");
        assertThat(header(response, "Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void aByteRangeIsAnswered206WithExactlyThoseBytes() {
        HttpResponse<byte[]> middle = get(hosting + "/owner1/poster.jpg", "Range", "bytes=10-19");
        HttpResponse<byte[]> open = get(hosting + "/owner1/poster.jpg", "Range", "bytes=990-");
        HttpResponse<byte[]> suffix = get(hosting + "/owner1/poster.jpg", "Range", "bytes=-7");
        HttpResponse<byte[]> beyond = get(hosting + "/owner1/poster.jpg", "Range", "bytes=995-5000");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(poster, 10, 20));
        assertThat(header(middle, "Content-Range")).isEqualTo("bytes 10-19/1000");
        assertThat(header(middle, "Content-Length")).isEqualTo("10");
        assertThat(header(middle, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(poster, 990, 1000));
        assertThat(header(open, "Content-Range")).isEqualTo("bytes 990-999/1000");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(poster, 993, 1000));
        assertThat(header(suffix, "Content-Range")).isEqualTo("bytes 993-999/1000");
        assertThat(beyond.body()).isEqualTo(Arrays.copyOfRange(poster, 995, 1000));
    }

    @Test
    void aRangeOutsideTheFileIs416AndAnUnreadableOneIsIgnored() {
        HttpResponse<byte[]> outside = get(hosting + "/owner1/poster.jpg", "Range", "bytes=1000-1010");
        HttpResponse<byte[]> backwards = get(hosting + "/owner1/poster.jpg", "Range", "bytes=20-10");

        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(header(outside, "Content-Range")).isEqualTo("bytes */1000");
        assertThat(new String(outside.body(), StandardCharsets.UTF_8)).contains("<Code>InvalidRange</Code>");
        assertThat(backwards.statusCode()).isEqualTo(200);
        assertThat(backwards.body()).isEqualTo(poster);
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() {
        HttpResponse<byte[]> whole = send("HEAD", hosting + "/owner1/poster.jpg");
        HttpResponse<byte[]> range = send("HEAD", hosting + "/owner1/poster.jpg", "Range", "bytes=0-99");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEmpty();
        assertThat(header(whole, "Content-Length")).isEqualTo("1000");
        assertThat(header(whole, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(whole, "ETag")).isEqualTo(header(get(hosting + "/owner1/poster.jpg"), "ETag"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(header(range, "Content-Length")).isEqualTo("100");
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 0-99/1000");
    }

    @Test
    void aCopyTheBrowserStillHasIsAnswered304() {
        HttpResponse<byte[]> first = get(hosting + "/owner1/poster.jpg");
        String etag = header(first, "ETag");
        String lastModified = header(first, "Last-Modified");

        HttpResponse<byte[]> byEtag = get(hosting + "/owner1/poster.jpg", "If-None-Match", etag);
        HttpResponse<byte[]> byDate = get(hosting + "/owner1/poster.jpg", "If-Modified-Since", lastModified);
        HttpResponse<byte[]> otherEtag = get(hosting + "/owner1/poster.jpg", "If-None-Match", "\"0123\"");
        HttpResponse<byte[]> olderDate = get(hosting + "/owner1/poster.jpg", "If-Modified-Since",
                HTTP_DATE.format(Instant.from(HTTP_DATE.parse(lastModified)).minusSeconds(3600)));

        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(header(byEtag, "ETag")).isEqualTo(etag);
        assertThat(header(byEtag, "Cache-Control")).isEqualTo(POLICY_CACHE_CONTROL);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(otherEtag.statusCode()).isEqualTo(200);
        assertThat(olderDate.statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingFileIsAccessDeniedAsS3AnswersCloudFrontWithoutListBucket() {
        HttpResponse<byte[]> missing = get(hosting + "/owner1/nothing-here.mp4");
        HttpResponse<byte[]> root = get(hosting + "/");

        for (HttpResponse<byte[]> response : List.of(missing, root)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(header(response, "Content-Type")).isEqualTo("application/xml");
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .contains("<Code>AccessDenied</Code><Message>Access Denied</Message>");
        }
    }

    @Test
    void onlyGetAndHeadAreServed() {
        assertThat(send("POST", hosting + "/owner1/poster.jpg").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", hosting + "/owner1/poster.jpg").statusCode()).isEqualTo(403);
        assertThat(get(hosting + "/owner1/poster.jpg").statusCode()).as("still there").isEqualTo(200);
    }

    @Test
    void aSignedUrlIsServedUntilItExpiresThenRefusedWithCloudFrontsAccessDenied() throws IOException {
        String url = signed("renders/owner1/clip.mp4");

        HttpResponse<byte[]> fresh = get(url);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo(Files.readAllBytes(video));
        assertThat(header(fresh, "Content-Type")).isEqualTo("video/mp4");
        assertThat(get(url, "Range", "bytes=0-1023").statusCode()).as("ranges of a signed URL").isEqualTo(206);

        Instant signedAt = clock.instant();
        try {
            clock.advance(Duration.ofHours(24).minusSeconds(1));
            assertThat(get(url).statusCode()).as("a second before its 24 hours are up").isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            HttpResponse<byte[]> expired = get(url);
            assertThat(expired.statusCode()).as("24 hours after signing").isEqualTo(403);
            assertThat(header(expired, "Content-Type")).isEqualTo("text/xml");
            assertThat(new String(expired.body(), StandardCharsets.UTF_8)).isEqualTo(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                            + "<Message>Access denied</Message></Error>");
        } finally {
            clock.advance(Duration.between(clock.instant(), signedAt));
        }
    }

    @Test
    void aTamperedSignedUrlIsRefused() {
        String url = signed("renders/owner1/clip.mp4");
        String expires = url.replaceFirst(".*Expires=(\\d+).*", "$1");

        String otherFile = url.replace("/clip.mp4", "/other.mp4");
        String longerLife = url.replace("Expires=" + expires, "Expires=" + (Long.parseLong(expires) + 3600));
        String extraParameter = url + "&download=1";

        for (String tampered : List.of(otherFile, longerLife, extraParameter)) {
            HttpResponse<byte[]> response = get(tampered);
            assertThat(response.statusCode()).as(tampered).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(tampered)
                    .contains("<Code>AccessDenied</Code><Message>Access denied</Message>");
        }
    }

    @Test
    void anUnsignedOrWronglySignedUrlIsRefusedWithCloudFrontsOwnMessage() {
        String url = signed("renders/owner1/clip.mp4");

        assertThat(bodyOf(get(temporary + "/owner1/clip.mp4"))).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>");
        assertThat(bodyOf(get(url.replace("Key-Pair-Id=" + KEY_PAIR_ID, "Key-Pair-Id=KUNKNOWN000000"))))
                .contains("<Code>InvalidKey</Code><Message>Unknown Key</Message>");
        assertThat(bodyOf(get(url.replaceFirst("Signature=[^&]+", "Signature=not*base64"))))
                .contains("<Code>MalformedSignature</Code><Message>Could not unencode Signature</Message>");
        assertThat(bodyOf(get(url.replaceFirst("&Signature=[^&]+", ""))))
                .contains("<Code>AccessDenied</Code>");
        assertThat(get(url.replaceFirst("&Signature=[^&]+", "")).statusCode()).isEqualTo(403);
    }

    private static String bodyOf(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void ffmpegReadsTheVideoOverHttpFromItsSignedUrl() throws Exception {
        String url = signed("renders/owner1/clip.mp4");

        Process process = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-nostdin", "-i", url, "-map", "0:v:0",
                "-f", "null", "-").redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(said).isZero();
        assertThat(said).contains("Duration: 00:00:03.00").contains("Video: h264").containsPattern("frame=\\s*75 ");
    }

    @Test
    void theSdkInvalidatesAPathOfADistributionAndReadsTheInvalidationBack() {
        try (CloudFrontClient cloudFront = CloudFrontClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            CreateInvalidationResponse created = cloudFront.createInvalidation(invalidation -> invalidation
                    .distributionId("EHOSTING000001")
                    .invalidationBatch(batch -> batch.callerReference("delete-1")
                            .paths(paths -> paths.quantity(1).items("/owner1/poster.jpg"))));

            assertThat(created.invalidation().status()).isEqualTo("Completed");
            assertThat(created.invalidation().invalidationBatch().paths().items()).containsExactly("/owner1/poster.jpg");
            assertThat(created.location()).endsWith("/2020-05-31/distribution/EHOSTING000001/invalidation/"
                    + created.invalidation().id());
            assertThat(emulator.invalidations("EHOSTING000001")).extracting(Invalidation::paths)
                    .contains(List.of("/owner1/poster.jpg"));
            assertThat(cloudFront.getInvalidation(get -> get.distributionId("EHOSTING000001")
                    .id(created.invalidation().id())).invalidation().status()).isEqualTo("Completed");
            assertThat(cloudFront.createInvalidation(invalidation -> invalidation.distributionId("EHOSTING000001")
                    .invalidationBatch(batch -> batch.callerReference("delete-1")
                            .paths(paths -> paths.quantity(1).items("/owner1/poster.jpg")))).invalidation().id())
                    .as("the same caller reference again").isEqualTo(created.invalidation().id());
            assertThatThrownBy(() -> cloudFront.createInvalidation(invalidation -> invalidation.distributionId("ENOSUCH")
                    .invalidationBatch(batch -> batch.callerReference("x").paths(paths -> paths.quantity(1).items("/a")))))
                    .isInstanceOf(NoSuchDistributionException.class);
        }
    }
}
