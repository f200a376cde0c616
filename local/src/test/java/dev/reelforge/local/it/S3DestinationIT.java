package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * The {@code s3} render destination on the embedded stack: the owner's bucket is an S3Proxy bucket the test makes
 * with the SDK's S3 client, granted to the stack through its {@code S3DestinationGrants} parameter (no role: the
 * stack's own credentials reach it). A render's outputs appear there under {@code prefix/filename}; a bucket that
 * was never granted is refused at submit; a granted bucket that refuses the copy (here: it does not exist) leaves the
 * render done and says so in the hosting function's log. A Serve transfer with an s3 destination is copied there
 * once its asset is ready; one to a bucket never granted is refused.
 */
class S3DestinationIT {

    private static final String OWNERS_BUCKET = "owners-renders";
    private static final String MISSING_BUCKET = "granted-but-gone";

    private static RenderTestStack stack;
    private static S3Client s3;
    private static Path clipFile;
    private static String clip;

    @BeforeAll
    static void startWithAGrantedBucket() {
        stack = RenderTestStack.start(Map.of("S3DestinationGrants", OWNERS_BUCKET + "," + MISSING_BUCKET), true);
        s3 = S3Client.builder().endpointOverride(stack.stack().services().endpoints().s3())
                .region(Region.US_EAST_1).credentialsProvider(LocalCredentials.provider()).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(create -> create.bucket(OWNERS_BUCKET));
        clipFile = stack.media().video("clip.mp4", 320, 180, 3, 440);
        clip = stack.url(clipFile);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static String edit(String destinations) {
        return """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}, "poster": {"capture": 1},
                            "destinations": %s}}
                """.formatted(clip, destinations);
    }

    @Test
    void aRenderWithAnS3DestinationEndsWithItsFilesInThatBucketAtPrefixAndFilename() throws Exception {
        stack.render(Environment.STAGE, edit("""
                [{"provider": "shotstack", "exclude": true},
                 {"provider": "s3", "options": {"region": "us-east-1", "bucket": "owners-renders",
                   "prefix": "campaign/2026", "filename": "teaser", "acl": "public-read"}}]"""));

        Path video = awaitObject("campaign/2026/teaser.mp4", ".mp4");
        RenderPlayback playback = stack.playback();
        assertThat(playback.duration(video)).as("duration of the delivered video").isCloseTo(2.0, within(0.1));
        assertThat(playback.probe(video).video().orElseThrow().width()).isEqualTo(320);
        Path poster = awaitObject("campaign/2026/teaser-poster.jpg", ".jpg");
        assertThat(RenderPlayback.head(poster, 2)).as("a JPEG").containsExactly((byte) 0xFF, (byte) 0xD8);
        GetObjectAclResponse acl = s3.getObjectAcl(get -> get.bucket(OWNERS_BUCKET).key("campaign/2026/teaser.mp4"));
        assertThat(acl.grants()).as("the canned ACL public-read")
                .anyMatch(grant -> grant.grantee().type() == Type.GROUP
                        && grant.grantee().uri().endsWith("/global/AllUsers") && grant.permission() == Permission.READ);
    }

    @Test
    void aDestinationToABucketWithoutAGrantIsRefusedNamingTheField() {
        ApiResponse response = stack.api().post("/edit/v1/render", stack.key(Environment.V1), edit("""
                [{"provider": "s3", "options": {"region": "eu-west-1", "bucket": "someone-elses-bucket"}}]"""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean(true)).isFalse();
        assertThat(response.body().path("response").asText())
                .contains("output.destinations[0].options.bucket").contains("someone-elses-bucket")
                .contains("not been granted");
    }

    @Test
    void aCopyTheBucketRefusesLeavesTheRenderDoneAndIsLoggedAsRefused() {
        String id = stack.render(Environment.STAGE, edit("""
                [{"provider": "s3", "options": {"region": "us-east-1", "bucket": "granted-but-gone",
                   "filename": "lost"}}]""")).render().path("id").asText();

        Eventually.holds("the refused copy is logged", () -> stack.lastLogLines(100_000).stream()
                .anyMatch(line -> line.contains("destination.delivered") && line.contains("refused")
                        && line.contains(id) && line.contains(MISSING_BUCKET) && line.contains("lost.mp4")),
                S3DestinationIT::lastWords);
        assertThat(stack.status(Environment.STAGE, id).path("status").asText()).isEqualTo("done");
    }

    @Test
    void aTransferWithAnS3DestinationEndsWithItsFileInThatBucketOnceHosted() throws Exception {
        ApiResponse response = stack.api().post("/serve/stage/assets", stack.key(Environment.STAGE), """
                {"url": "%s", "id": "to-own-bucket", "destinations": [{"provider": "shotstack"},
                  {"provider": "s3", "options": {"region": "us-east-1", "bucket": "owners-renders",
                    "prefix": "transfers/2026", "filename": "moved", "acl": "public-read"}}]}""".formatted(clip));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);

        // named by filename, the transferred file's extension kept
        Path copied = awaitObject("transfers/2026/moved.mp4", ".mp4");
        assertThat(Files.mismatch(copied, clipFile)).as("the copy has the fetched file's bytes").isEqualTo(-1);
        GetObjectAclResponse acl = s3.getObjectAcl(get -> get.bucket(OWNERS_BUCKET).key("transfers/2026/moved.mp4"));
        assertThat(acl.grants()).as("the canned ACL public-read")
                .anyMatch(grant -> grant.grantee().type() == Type.GROUP
                        && grant.grantee().uri().endsWith("/global/AllUsers") && grant.permission() == Permission.READ);
        JsonNode listed = stack.api().get("/serve/stage/assets/render/to-own-bucket", stack.key(Environment.STAGE))
                .body().path("data");
        assertThat(listed.get(0).at("/attributes/status").asText()).as("and it is hosted too").isEqualTo("ready");
    }

    @Test
    void aTransferToABucketWithoutAGrantIsRefusedNamingTheField() {
        ApiResponse response = stack.api().post("/serve/stage/assets", stack.key(Environment.STAGE), """
                {"url": "%s", "id": "to-elsewhere", "destinations": [{"provider": "s3",
                  "options": {"region": "eu-west-1", "bucket": "someone-elses-bucket"}}]}""".formatted(clip));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean(true)).isFalse();
        assertThat(response.body().path("response").asText())
                .contains("destinations[0].options.bucket").contains("someone-elses-bucket")
                .contains("not been granted");
        assertThat(stack.api().get("/serve/stage/assets/render/to-elsewhere", stack.key(Environment.STAGE)).status())
                .as("nothing was recorded").isEqualTo(404);
    }

    @Test
    void aTransferCopyTheBucketRefusesLeavesTheAssetReadyAndIsLoggedAsRefused() {
        ApiResponse response = stack.api().post("/serve/stage/assets", stack.key(Environment.STAGE), """
                {"url": "%s", "id": "to-gone-bucket", "destinations": [{"provider": "s3",
                  "options": {"region": "us-east-1", "bucket": "granted-but-gone", "filename": "lost-transfer"}}]}"""
                .formatted(clip));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);

        Eventually.holds("the refused copy is logged", () -> stack.lastLogLines(100_000).stream()
                .anyMatch(line -> line.contains("destination.delivered") && line.contains("refused")
                        && line.contains(MISSING_BUCKET) && line.contains("lost-transfer.mp4")),
                S3DestinationIT::lastWords);
        JsonNode listed = stack.api().get("/serve/stage/assets/render/to-gone-bucket", stack.key(Environment.STAGE))
                .body().path("data");
        assertThat(listed.get(0).at("/attributes/status").asText()).isEqualTo("ready");
    }

    private static String lastWords() {
        return "; the stack's last words:\n" + String.join("\n", stack.lastLogLines(60));
    }

    /** Waits for the hosting flow to deliver {@code key}, then downloads it with the SDK. */
    private static Path awaitObject(String key, String extension) throws Exception {
        Eventually.holds(key + " is in " + OWNERS_BUCKET, () -> {
            try {
                s3.headObject(head -> head.bucket(OWNERS_BUCKET).key(key));
                return true;
            } catch (NoSuchKeyException notYet) {
                return false;
            }
        });
        Path file = Files.createTempFile("s3-destination-", extension);
        Files.delete(file);
        s3.getObject(get -> get.bucket(OWNERS_BUCKET).key(key), file);
        return file;
    }
}
