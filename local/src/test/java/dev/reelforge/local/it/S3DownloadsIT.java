package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.s3.S3Downloads;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.aws.s3.S3HostingCopier;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.DownloadMaker;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The downloadables' files against S3Proxy: the MP4 is the hosted file's bytes, copied server side (in parts too),
 * stored to be saved as an attachment; an upload is stored alike; a hosted file that is gone is told apart; deleting
 * takes any number of keys, missing ones included.
 */
class S3DownloadsIT {

    private static final String OWNER = "downloadsit";
    /** Small parts, so that a 13 MiB file is copied in three parts. */
    private static final S3HostingCopier.Multipart SMALL_PARTS = new S3HostingCopier.Multipart(8 << 20, 5 << 20, 2);

    private static LocalStack stack;
    private static S3Client s3;
    private static String tempBucket;
    private static String hostingBucket;
    private static S3Downloads downloads;

    @TempDir
    Path directory;

    @BeforeAll
    static void connect() {
        stack = SharedStack.get();
        s3 = stack.services().s3();
        tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        hostingBucket = stack.function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
        downloads = new S3Downloads(s3, hostingBucket, tempBucket, SMALL_PARTS);
    }

    /** A video whose hosted file holds {@code content}. */
    private static Asset hostedVideo(byte[] content) {
        UUID render = UUID.randomUUID();
        Asset video = Asset.importing(OWNER, Environment.STAGE, "us-east-1", render, render + ".mp4", Instant.now());
        s3.putObject(put -> put.bucket(hostingBucket).key(S3HostedFiles.key(OWNER, video.filename()))
                .contentType("video/mp4"), RequestBody.fromBytes(content));
        return video;
    }

    private static Downloadable downloadable(Asset video, DownloadFormat format) {
        return Downloadable.pending(new DownloadableKey(OWNER, video.id(), format), Environment.STAGE, 1, Instant.now());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static boolean exists(String key) {
        try {
            s3.headObject(head -> head.bucket(tempBucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    @Test
    void theMp4IsTheHostedFileCopiedToBeSavedAsAnAttachmentNamedAfterTheVideo() {
        for (byte[] content : List.of(randomBytes(1 << 20), randomBytes(13 << 20))) {
            Asset video = hostedVideo(content);
            Downloadable mp4 = downloadable(video, DownloadFormat.MP4);

            DownloadMaker.MakeOutcome outcome = downloads.copyHosted(video, mp4);

            assertThat(outcome).isEqualTo(new DownloadMaker.MakeOutcome.Made(content.length));
            assertThat(mp4.objectKey()).isEqualTo("renders/" + OWNER + "/downloads/" + video.id() + "-1.mp4");
            assertThat(s3.getObjectAsBytes(get -> get.bucket(tempBucket).key(mp4.objectKey())).asByteArray())
                    .isEqualTo(content);
            HeadObjectResponse head = s3.headObject(get -> get.bucket(tempBucket).key(mp4.objectKey()));
            assertThat(head.contentType()).isEqualTo("video/mp4");
            assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"" + video.id() + ".mp4\"");
        }
    }

    @Test
    void aHostedFileThatIsGoneIsToldApartFromAnOutage() {
        UUID render = UUID.randomUUID();
        Asset gone = Asset.importing(OWNER, Environment.STAGE, "us-east-1", render, render + ".mp4", Instant.now());

        assertThat(downloads.copyHosted(gone, downloadable(gone, DownloadFormat.MP4)))
                .isInstanceOf(DownloadMaker.MakeOutcome.SourceMissing.class);
        assertThat(downloads.fetchHosted(gone, directory.resolve("video.mp4"))).isFalse();
    }

    @Test
    void anFlvIsFetchedAndUploadedToBeSavedAsAnAttachment() throws IOException {
        byte[] content = randomBytes(300_000);
        Asset video = hostedVideo(content);
        Path fetched = directory.resolve("video.mp4");
        Downloadable flv = downloadable(video, DownloadFormat.FLV);

        assertThat(downloads.fetchHosted(video, fetched)).isTrue();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(content);
        downloads.upload(fetched, flv);

        HeadObjectResponse head = s3.headObject(get -> get.bucket(tempBucket).key(flv.objectKey()));
        assertThat(head.contentType()).isEqualTo("video/x-flv");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"" + video.id() + ".flv\"");
        assertThat(head.contentLength()).isEqualTo(content.length);
    }

    @Test
    void deletingTakesMoreKeysThanOneRequestHoldsAndMissingOnes() {
        Asset video = hostedVideo(randomBytes(1000));
        List<String> keys = new ArrayList<>();
        for (long generation = 1; generation <= 1005; generation++) {
            keys.add(Downloadable.objectKey(new DownloadableKey(OWNER, video.id(), DownloadFormat.MP4), generation));
        }
        for (String key : List.of(keys.get(0), keys.get(999), keys.get(1004))) {
            s3.putObject(put -> put.bucket(tempBucket).key(key), RequestBody.fromString("file"));
        }

        downloads.delete(keys);

        assertThat(keys).noneMatch(S3DownloadsIT::exists);
    }
}
