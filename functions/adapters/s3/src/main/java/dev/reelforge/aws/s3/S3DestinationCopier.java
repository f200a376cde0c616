package dev.reelforge.aws.s3;

import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.DestinationCopier;
import dev.reelforge.core.destination.DestinationCopyFailedException;
import dev.reelforge.core.destination.S3Destination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Copies a render output from the temporary bucket into an owner's bucket: read with the function's own client and
 * written, streamed, with the client the grant calls for (the function's own for a bucket granted without a role, as
 * on the embedded stack; one acting as the owner's role otherwise, {@link RoleClients}). Reading and writing with
 * different credentials is what lets the owner's role need no access to Reelforge's buckets. One PUT, so up to 5 GB.
 *
 * <p>A refusal by the owner's side (4xx: no such bucket, access denied, an ACL the bucket does not allow, a role
 * that may not be assumed) is {@link Delivery.Refused}; anything else (5xx, the network) throws
 * {@link DestinationCopyFailedException} to be retried.
 */
public final class S3DestinationCopier implements DestinationCopier {

    /** S3 clients acting as a role an owner granted, assumed with the owner's id as external id. */
    public interface RoleClients {

        S3Client forRole(String roleArn, String externalId, String region);
    }

    private final S3Client own;
    private final BucketGrants grants;
    private final RoleClients roleClients;

    public S3DestinationCopier(S3Client own, BucketGrants grants, RoleClients roleClients) {
        this.own = own;
        this.grants = grants;
        this.roleClients = roleClients;
    }

    @Override
    public Delivery copy(String sourceBucket, String sourceKey, String owner, S3Destination destination, String key) {
        if (!grants.grants(destination.bucket())) {
            return new Delivery.Refused(destination.bucket(), key, "the bucket is no longer granted to Reelforge");
        }
        try (ResponseInputStream<GetObjectResponse> source = own.getObject(get -> get.bucket(sourceBucket)
                .key(sourceKey))) {
            GetObjectResponse object = source.response();
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(destination.bucket()).key(key)
                    .contentLength(object.contentLength()).contentType(object.contentType());
            destination.acl().ifPresent(put::acl);
            RequestBody body = RequestBody.fromContentProvider(new ReopenedSource(source, sourceBucket, sourceKey),
                    object.contentLength(), "application/octet-stream");
            if (grants.roleOf(destination.bucket()).isEmpty()) {
                own.putObject(put.build(), body);
            } else {
                try (S3Client asOwner = roleClients.forRole(grants.roleOf(destination.bucket()).get(), owner,
                        destination.region())) {
                    asOwner.putObject(put.build(), body);
                }
            }
            return new Delivery.Delivered(destination.bucket(), key, object.contentLength());
        } catch (NoSuchKeyException gone) {
            return new Delivery.Refused(destination.bucket(), key, "the render's output " + sourceKey
                    + " is no longer in temporary storage");
        } catch (SdkServiceException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                return new Delivery.Refused(destination.bucket(), key, "the bucket refused the copy (HTTP "
                        + e.statusCode() + errorCode(e) + ")");
            }
            throw failed(sourceKey, destination, key, e);
        } catch (SdkException e) {
            throw failed(sourceKey, destination, key, e);
        } catch (IOException e) {
            throw failed(sourceKey, destination, key, new UncheckedIOException(e));
        }
    }

    /**
     * The PUT's body: the GET already open, then a new GET of the same object each time the SDK asks again. It asks
     * again to retry an attempt that failed mid-body, as one does when a server answers a PUT to a missing bucket
     * before reading the body and closes the connection; a body that cannot be read twice turned that 404 into an
     * {@code IllegalStateException} and the delivery was retried until its records were skipped.
     */
    private final class ReopenedSource implements ContentStreamProvider {

        private final String bucket;
        private final String key;
        private InputStream opened;

        ReopenedSource(InputStream opened, String bucket, String key) {
            this.opened = opened;
            this.bucket = bucket;
            this.key = key;
        }

        @Override
        public InputStream newStream() {
            InputStream stream = opened != null ? opened : own.getObject(get -> get.bucket(bucket).key(key));
            opened = null;
            return stream;
        }
    }

    private static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
            return " " + aws.awsErrorDetails().errorCode();
        }
        return "";
    }

    private static DestinationCopyFailedException failed(String sourceKey, S3Destination destination, String key,
            Exception cause) {
        return new DestinationCopyFailedException("copying " + sourceKey + " to s3://" + destination.bucket() + "/"
                + key + " failed: " + cause.getMessage(), cause);
    }
}
