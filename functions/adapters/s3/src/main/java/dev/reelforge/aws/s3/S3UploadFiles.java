package dev.reelforge.aws.s3;

import dev.reelforge.core.upload.Upload;
import dev.reelforge.core.upload.UploadFiles;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The uploads' files in the hosting bucket at {@code {owner}/uploads/{id}.{ext}} ({@link Upload#key()}), served by the
 * CDN at the same path, with their format's Content-Type. A presigned PUT signs the key, the Content-Type, the
 * Content-Length and {@code If-None-Match: *}, so S3 refuses any other size, type or key, and a second write to a key
 * written already (which would replace a checked file with an unchecked one).
 */
public final class S3UploadFiles implements UploadFiles {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3UploadFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** On the function's S3 client, in the hosting bucket ({@code HOSTING_BUCKET}). */
    public static S3UploadFiles of(S3Buckets buckets, FunctionEnvironment environment) {
        return new S3UploadFiles(buckets.client(), buckets.presigner(), environment.required("HOSTING_BUCKET"));
    }

    @Override
    public void store(Path file, Upload upload) {
        s3.putObject(put -> put.bucket(bucket).key(upload.key()).contentType(upload.format().mediaType()),
                RequestBody.fromFile(file));
    }

    @Override
    public boolean fetch(Upload upload, Path target) {
        try (ResponseInputStream<GetObjectResponse> object =
                s3.getObject(get -> get.bucket(bucket).key(upload.key()))) {
            Files.copy(object, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String key) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }

    @Override
    public PresignedUpload presign(Upload upload, long bytes, Duration lifetime) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(lifetime)
                .putObjectRequest(put -> put.bucket(bucket).key(upload.key())
                        .contentType(upload.format().mediaType()).contentLength(bytes)
                        // once only: a second PUT before the URL expires would replace a checked file unchecked
                        .ifNoneMatch("*")));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new PresignedUpload(URI.create(presigned.url().toString()), headers, presigned.expiration());
    }

    /** {@code content-type} as {@code Content-Type}: how clients and the documentation spell it. */
    private static String canonical(String name) {
        StringBuilder spelled = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            spelled.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return spelled.toString();
    }

}
