package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code reelforge demo --ibm}: the IBM Video Streaming workflow on the video the demo just rendered and hosted -
 * a token, the video, its downloadable MP4 and FLV (seed 001), then an expiration a minute ahead on the stack's
 * clock, waited out until the expiration sweep has deleted the video (seed 003) and the Serve API agrees.
 */
final class VideosDemo {

    private static final Duration EXPIRES_IN = Duration.ofSeconds(60);

    private final LocalDescriptor stack;
    private final Environment environment;
    private final Clock stackClock;
    private final Path outputDirectory;

    VideosDemo(LocalDescriptor stack, Environment environment, Clock stackClock, Path outputDirectory) {
        this.stack = stack;
        this.environment = environment;
        this.stackClock = stackClock;
        this.outputDirectory = outputDirectory;
    }

    /** @param hostedVideo the Serve API's asset of the render's MP4: its id is the video's */
    int run(String renderId, JsonNode hostedVideo) {
        String id = hostedVideo.path("attributes").path("id").asText();
        System.out.println();
        System.out.println("Videos API (IBM's dialect), with local.json's ibm." + environment.pathName() + " client:");
        VideosApiClient videos = VideosApiClient.signIn(stack, environment);
        System.out.println("  POST /oauth2/token          -> a bearer token (valid 24 h)");
        JsonNode video = VideosApiClient.expect(videos.video(id), 200).path("video");
        System.out.printf(Locale.ROOT, "  GET  /videos/%s.json -> \"%s\", %s s, %s bytes%n", id,
                video.path("title").asText(), video.path("length").asText(), video.path("file_size").asText());
        for (String format : new String[] {"mp4", "flv"}) {
            long asked = System.nanoTime();
            JsonNode requested = VideosApiClient.expect(videos.requestDownloadable(id, format), 200).path("downloadable");
            JsonNode downloadable = videos.awaitDownloadable(id, format, Duration.ofMinutes(2), Duration.ofMillis(100));
            if (!downloadable.path("status").asText().equals("available")) {
                System.out.println("  the " + format + " download is " + downloadable.path("status").asText());
                return 1;
            }
            Path copy = outputDirectory.resolve(id + "." + format);
            long bytes = FileDownload.save(downloadable.path("download_url").asText(), copy);
            System.out.printf(Locale.ROOT,
                    "  POST /videos/%s/downloadable/%s.json -> %s, available %.1f s later, until %s%n",
                    id, format, requested.path("status").asText(), (System.nanoTime() - asked) / 1e9,
                    Instant.ofEpochSecond(downloadable.path("expires_at").asLong()));
            System.out.printf(Locale.ROOT, "       %d bytes saved as %s%n", bytes, copy.toAbsolutePath());
        }
        Instant expiresAt = stackClock.instant().plus(EXPIRES_IN).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        VideosApiClient.expect(videos.expireAt(id, expiresAt), 200);
        JsonNode rule = VideosApiClient.expect(videos.expiration(id), 200).path("expiration");
        System.out.printf(Locale.ROOT, "  PUT  /videos/%s/expiration.json rule=at_given_time -> %s at %s%n", id,
                rule.path("rule").asText(), Instant.ofEpochSecond(rule.path("expires_at").asLong()));
        System.out.println("  waiting for the expiration sweep (every minute) ...");
        EditApiClient serve = EditApiClient.of(stack, environment);
        Instant deadline = Instant.now().plus(EXPIRES_IN).plus(Duration.ofMinutes(3));
        while (videos.video(id).status() != 404) {
            if (Instant.now().isAfter(deadline)) {
                System.out.println("  the video was not deleted within 3 minutes of its expiration");
                return 1;
            }
            pause();
        }
        String served = statusInServeApi(serve, renderId, id);
        System.out.printf(Locale.ROOT,
                "  deleted %.0f s after expires_at: GET /videos/%s.json -> 404 not_found, the Serve API says %s%n",
                Duration.between(expiresAt, stackClock.instant()).toMillis() / 1000.0, id, served);
        return served.equals("deleted") ? 0 : 1;
    }

    private static String statusInServeApi(EditApiClient serve, String renderId, String assetId) {
        for (JsonNode asset : serve.renderAssets(renderId)) {
            if (asset.path("attributes").path("id").asText().equals(assetId)) {
                return asset.path("attributes").path("status").asText();
            }
        }
        return "(not found)";
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
