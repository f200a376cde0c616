package dev.reelforge.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3DashboardBucket;
import dev.reelforge.core.dashboard.DashboardBucket;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the dashboard's bucket hold exactly the dashboard: every file of its directory (HTML, CSS, JavaScript
 * modules; no build step) with its content type, and {@value #CONFIG} naming the API the pages call, each with
 * {@code Cache-Control: no-cache} so that browsers revalidate and a new release is seen at once; objects of an earlier
 * release that are no longer files of the dashboard are removed. Writing the same files again changes nothing, so it
 * runs on every deployment (the AWS stack's custom resource) and at each start of the embedded stack.
 */
public final class PublishDashboard {

    /** The pages read the API's URL from this object, next to them; a file of that name in the directory is not used. */
    public static final String CONFIG = "config.json";
    /** Browsers ask again each time (a 304 while unchanged), so a new release's files are seen at once. */
    public static final String CACHE_CONTROL = "no-cache";

    /** Content types by extension; other files are not the dashboard's and are not published. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final DashboardBucket bucket;

    public PublishDashboard(DashboardBucket bucket) {
        this.bucket = bucket;
    }

    /** Publishing to {@code DASHBOARD_BUCKET}. */
    public static PublishDashboard of(FunctionEnvironment environment) {
        return new PublishDashboard(new S3DashboardBucket(S3Buckets.client(environment),
                environment.required("DASHBOARD_BUCKET")));
    }

    public PublishedDashboard publish(PublishDashboardCommand command) {
        Set<String> written = new LinkedHashSet<>();
        for (Path file : files(command.files())) {
            String key = command.files().relativize(file).toString().replace('\\', '/');
            if (key.equals(CONFIG)) {
                continue;
            }
            try {
                bucket.put(key, Files.readAllBytes(file), contentType(key).orElseThrow(), CACHE_CONTROL);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            written.add(key);
        }
        bucket.put(CONFIG, config(command), contentType(CONFIG).orElseThrow(), CACHE_CONTROL);
        written.add(CONFIG);
        List<String> removed = new ArrayList<>(bucket.keys());
        removed.removeAll(written);
        bucket.delete(removed);
        return new PublishedDashboard(List.copyOf(written), removed);
    }

    /** The media type a file of this name is served with, when it is one of the dashboard's kinds of file. */
    static Optional<String> contentType(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot <= slash + 1 ? Optional.empty()
                : Optional.ofNullable(CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** {@code {"apiUrl": "<the API's URL>"}}. */
    static byte[] config(URI apiUrl) {
        return config(new PublishDashboardCommand(Path.of("."), apiUrl));
    }

    /**
     * {@code {"apiUrl": ..., "ibmApiUrl": ..., "picovicoApiUrl": ...}}, the last two when the faces have APIs of their
     * own (the IBM and Picovico pages call {@code apiUrl} otherwise).
     */
    static byte[] config(PublishDashboardCommand command) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apiUrl", command.apiUrl().toString());
        command.ibmApiUrl().ifPresent(url -> config.put("ibmApiUrl", url.toString()));
        command.picovicoApiUrl().ifPresent(url -> config.put("picovicoApiUrl", url.toString()));
        try {
            return Json.MAPPER.writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The regular files of the directory that are the dashboard's kinds of file, in a stable order. */
    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the dashboard's files are not at " + directory);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> contentType(directory.relativize(file).toString().replace('\\', '/')).isPresent())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }
}
