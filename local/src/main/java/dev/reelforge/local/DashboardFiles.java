package dev.reelforge.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a deployment puts in the dashboard's bucket, done at each start of the embedded stack: the repo's
 * {@value #DIRECTORY}/ files (HTML, CSS, JavaScript modules; no build step) with their content types, and
 * {@code config.json} naming the stack's API URL, which the pages call. {@value #DISTRIBUTION} serves them, so the
 * dashboard's origin is that distribution's, which {@link LocalTemplate} makes the API's CORS origin.
 */
final class DashboardFiles {

    /** The repo's directory of the dashboard's files, next to template.yaml. */
    static final String DIRECTORY = "dashboard";
    static final String BUCKET = "DashboardBucket";
    static final String DISTRIBUTION = "DashboardDistribution";
    static final String CONFIG = "config.json";

    /** Content types by extension; other files are not the dashboard's and are not published. */
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    /** Browsers ask again each time (a 304 while unchanged), so a restarted stack's files are seen at once. */
    static final String CACHE_CONTROL = "no-cache";

    private DashboardFiles() {}

    /**
     * Writes the files of {@code directory} and config.json to the template's dashboard bucket.
     *
     * @return how many objects were written, or empty when the template has no dashboard bucket or the directory
     *         is missing
     */
    static Optional<Integer> publish(SamTemplate template, S3Client s3, Path directory, URI apiUrl) {
        Optional<String> bucket = template.buckets().stream().filter(definition -> definition.logicalId().equals(BUCKET))
                .map(definition -> definition.bucketName()).findFirst();
        if (bucket.isEmpty() || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(file -> contentType(file).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        int written = 0;
        for (Path file : files) {
            String key = directory.relativize(file).toString().replace('\\', '/');
            if (key.equals(CONFIG)) {
                continue; // the stack's own config.json is written below
            }
            try {
                put(s3, bucket.get(), key, contentType(file).orElseThrow(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            written++;
        }
        put(s3, bucket.get(), CONFIG, CONTENT_TYPES.get("json"), config(apiUrl));
        return Optional.of(written + 1);
    }

    static byte[] config(URI apiUrl) {
        try {
            return Json.MAPPER.writeValueAsBytes(Map.of("apiUrl", apiUrl.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(S3Client s3, String bucket, String key, String contentType, byte[] bytes) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType).cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
    }

    private static Optional<String> contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
