package dev.reelforge.ingest.transfer;

import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.transfer.TransferredFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Transferred files in the hosting bucket, at {@code {owner}/{filename}} as every hosted file, served by the CDN
 * with the same Cache-Control as promoted outputs. The content type comes from the file name's extension, from a
 * short list of media and font types; anything else is {@code application/octet-stream}, so nothing a user
 * transfers is served as HTML or SVG from the CDN's domain.
 */
final class S3TransferredFiles implements TransferredFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
            Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));
    private static final String CACHE_CONTROL = "public, max-age=86400";

    private final S3Client s3;
    private final String bucket;

    S3TransferredFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void store(Path file, String owner, String filename) {
        s3.putObject(put -> put.bucket(bucket).key(S3HostedFiles.key(owner, filename))
                        .contentType(contentTypeOf(filename)).cacheControl(CACHE_CONTROL),
                RequestBody.fromFile(file));
    }

    @Override
    public void remove(String owner, String filename) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(S3HostedFiles.key(owner, filename)));
    }

    static String contentTypeOf(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
