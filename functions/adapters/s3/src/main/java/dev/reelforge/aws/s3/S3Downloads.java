package dev.reelforge.aws.s3;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.video.download.DownloadFiles;
import dev.reelforge.core.video.download.DownloadMaker;
import dev.reelforge.core.video.download.Downloadable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The downloadables' files: made from a video's hosted file (HostingBucket {@code {owner}/{filename}}) into the
 * temporary bucket at {@link Downloadable#objectKey()} ({@code renders/{owner}/downloads/...}), where the temporary
 * distribution serves them to signed URLs and the bucket's lifecycle rule for {@code renders/} removes them. Each file
 * is stored with its format's content type and {@code Content-Disposition: attachment}, so a browser saves it under
 * {@link Downloadable#attachmentName()} rather than playing it.
 *
 * <p>A hosted file that is gone (S3's 404: its video was deleted) is an outcome, not a failure; S3 answers 403
 * instead of 404 to a caller without {@code s3:ListBucket}, so the functions' roles have that on the hosting bucket.
 */
public final class S3Downloads implements DownloadFiles {

    /** DeleteObjects takes at most this many keys per request. */
    static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String hostingBucket;
    private final String temporaryBucket;
    private final S3ServerSideCopy serverSideCopy;

    public S3Downloads(S3Client s3, String hostingBucket, String temporaryBucket) {
        this(s3, hostingBucket, temporaryBucket, S3HostingCopier.Multipart.DEFAULT);
    }

    public S3Downloads(S3Client s3, String hostingBucket, String temporaryBucket, S3HostingCopier.Multipart multipart) {
        this.s3 = s3;
        this.hostingBucket = hostingBucket;
        this.temporaryBucket = temporaryBucket;
        this.serverSideCopy = new S3ServerSideCopy(s3, multipart);
    }

    /** The MP4 download: the hosted file itself, copied server side (the video's bytes, unchanged). */
    public DownloadMaker.MakeOutcome copyHosted(Asset video, Downloadable downloadable) {
        String source = S3HostedFiles.key(video.owner(), video.filename());
        try {
            S3ServerSideCopy.Copied copied = serverSideCopy.copy(hostingBucket, source, new S3ServerSideCopy.Target(
                    temporaryBucket, downloadable.objectKey(), Optional.of(downloadable.format().contentType()),
                    Optional.empty(), Optional.of(contentDisposition(downloadable))));
            return new DownloadMaker.MakeOutcome.Made(copied.size());
        } catch (NoSuchKeyException gone) {
            return sourceMissing(video);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return sourceMissing(video);
            }
            throw e;
        }
    }

    /** Downloads the video's hosted file to {@code target}; false when it is gone. */
    public boolean fetchHosted(Asset video, Path target) {
        String source = S3HostedFiles.key(video.owner(), video.filename());
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(get -> get.bucket(hostingBucket).key(source))) {
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download s3://" + hostingBucket + "/" + source, e);
        }
    }

    /** Uploads a made file as the downloadable's file. */
    public void upload(Path file, Downloadable downloadable) {
        s3.putObject(put -> put.bucket(temporaryBucket).key(downloadable.objectKey())
                        .contentType(downloadable.format().contentType())
                        .contentDisposition(contentDisposition(downloadable)),
                RequestBody.fromFile(file));
    }

    /** Deletes the files, in batches; S3 answers a missing key with success, as the port asks. */
    @Override
    public void delete(Collection<String> objectKeys) {
        List<String> keys = List.copyOf(objectKeys);
        for (int first = 0; first < keys.size(); first += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (String key : keys.subList(first, Math.min(keys.size(), first + DELETE_BATCH))) {
                batch.add(ObjectIdentifier.builder().key(key).build());
            }
            var response = s3.deleteObjects(delete -> delete.bucket(temporaryBucket)
                    .delete(objects -> objects.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var error = response.errors().getFirst();
                throw new IllegalStateException("deleting " + error.key() + " from s3://" + temporaryBucket
                        + " failed: " + error.code() + " " + error.message() + " (" + response.errors().size()
                        + " of " + batch.size() + " keys failed)");
            }
        }
    }

    /** The ASCII name needs no RFC 6266 encoding: it is the video's id and the format's extension. */
    static String contentDisposition(Downloadable downloadable) {
        return "attachment; filename=\"" + downloadable.attachmentName() + "\"";
    }

    private static DownloadMaker.MakeOutcome sourceMissing(Asset video) {
        return new DownloadMaker.MakeOutcome.SourceMissing("the video's hosted file " + video.filename()
                + " is gone");
    }
}
