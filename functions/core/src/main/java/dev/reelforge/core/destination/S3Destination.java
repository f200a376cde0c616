package dev.reelforge.core.destination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An edit's {@code output.destinations[]} entry {@code {"provider":"s3","options":{...}}}: the owner's own bucket
 * that each output of the render is also copied to, as {@code prefix/filename} with a canned ACL.
 *
 * @param index    the entry's place in {@code output.destinations}, to name it in errors and logs
 * @param filename the name without extension that replaces the render id in every output's name
 *                 ({@code my-file.mp4}, {@code my-file-poster.jpg}, {@code my-file-thumb.jpg}), as Shotstack does
 * @param acl      the canned ACL; none sends no ACL (the bucket's default, {@code private})
 */
public record S3Destination(int index, String region, String bucket, Optional<String> prefix,
        Optional<String> filename, Optional<String> acl) {

    /** S3's canned ACLs (the acl header's values). */
    public static final List<String> CANNED_ACLS = List.of("private", "public-read", "public-read-write",
            "authenticated-read", "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control");

    public S3Destination {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(acl, "acl");
    }

    /**
     * The s3 destinations of an edit (merge fields applied, already checked by {@code EditReader}); an entry
     * without options or bucket is skipped (the reader refuses it at submit).
     */
    public static List<S3Destination> of(JsonNode edit) {
        return ofDestinations(edit.path("output").path("destinations"));
    }

    /** The s3 entries of a {@code destinations} array (a render's or a transfer's), as {@link #of(JsonNode)}. */
    public static List<S3Destination> ofDestinations(JsonNode destinations) {
        List<S3Destination> found = new ArrayList<>();
        for (int i = 0; i < destinations.size(); i++) {
            JsonNode destination = destinations.get(i);
            JsonNode options = destination.path("options");
            if (!"s3".equals(destination.path("provider").asText()) || !options.path("bucket").isTextual()) {
                continue;
            }
            found.add(new S3Destination(i, options.path("region").asText(""), options.path("bucket").asText(),
                    text(options, "prefix"), text(options, "filename"), text(options, "acl")));
        }
        return List.copyOf(found);
    }

    private static Optional<String> text(JsonNode options, String name) {
        JsonNode value = options.path(name);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * The key an output hosted as {@code hostedFilename} ({@code {renderId}.mp4}, {@code {renderId}-poster.jpg},
     * {@code {renderId}-360.mp4}) gets in this bucket: the render id replaced by {@link #filename}, under
     * {@link #prefix} as a folder ({@code my-renders/my-file.mp4}). A transferred file ({@code {assetId}.mp4}) is
     * named by its asset id.
     */
    public String keyFor(String hostedFilename, UUID renderId) {
        String name = filename.filter(ignored -> hostedFilename.startsWith(renderId.toString()))
                .map(own -> own + hostedFilename.substring(renderId.toString().length()))
                .orElse(hostedFilename);
        return prefix.map(folder -> folder.endsWith("/") ? folder + name : folder + "/" + name).orElse(name);
    }
}
