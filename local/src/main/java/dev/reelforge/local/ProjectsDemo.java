package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.media.SampleMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reelforge demo --picovico}: Picovico's workflow (seed 004) on the embedded stack - log in with the app
 * local.json shows, upload photos and a music track made here with ffmpeg, build a project in each of two styles at
 * 720, render them, poll until published and save every rendition, then follow each video's public link.
 */
final class ProjectsDemo {

    static final List<String> STYLES = List.of("vanilla", "party_default");
    private static final int PHOTOS = 6;
    private static final String QUALITY = "720";
    private static final Duration RENDER_TIMEOUT = Duration.ofMinutes(10);

    private final LocalDescriptor stack;
    private final Environment environment;
    private final Path ffmpeg;
    private final Path dataDirectory;

    ProjectsDemo(LocalDescriptor stack, Environment environment, Path ffmpeg, Path dataDirectory) {
        this.stack = stack;
        this.environment = environment;
        this.ffmpeg = ffmpeg;
        this.dataDirectory = dataDirectory;
    }

    int run() {
        Path mediaDirectory = dataDirectory.resolve("demo-media");
        System.out.println("making " + PHOTOS + " photos and a music track with ffmpeg in "
                + mediaDirectory.toAbsolutePath() + " ...");
        SampleMedia media = new SampleMedia(ffmpeg, mediaDirectory);
        List<Path> photos = new ArrayList<>();
        for (int photo = 1; photo <= PHOTOS; photo++) {
            photos.add(media.picture("photo-" + photo + ".jpg", photo, 1600, 1200));
        }
        Path music = media.tone("music.mp3", 262, 12);

        System.out.println();
        System.out.println("Projects API (Picovico's dialect), with local.json's picovico." + environment.pathName()
                + " app:");
        ProjectsApiClient api = ProjectsApiClient.logIn(stack, environment);
        System.out.println("  POST /login/app             -> an access pair (X-Access-Key, X-Access-Token)");
        long creditsBefore = ProjectsApiClient.expect(api.me(), 200).path("credits").asLong();
        System.out.println("  GET  /me                    -> " + creditsBefore + " credits");

        List<String> photoIds = new ArrayList<>();
        long uploading = System.nanoTime();
        for (Path photo : photos) {
            JsonNode uploaded = ProjectsApiClient.expect(api.upload("photos", photo, "image/jpeg"), 200);
            photoIds.add(uploaded.path("id").asText());
        }
        for (String id : photoIds) {
            requireReady(api.awaitChecked("photos", id, Duration.ofMinutes(1)), "photo " + id);
        }
        System.out.printf(Locale.ROOT, "  PUT  /me/photos  x%d        -> checked and hosted in %.1f s%n", PHOTOS,
                (System.nanoTime() - uploading) / 1e9);
        String musicId = ProjectsApiClient.expect(api.upload("musics", music, "audio/mpeg"), 200).path("id").asText();
        JsonNode track = requireReady(api.awaitChecked("musics", musicId, Duration.ofMinutes(1)), "music " + musicId);
        System.out.printf(Locale.ROOT, "  PUT  /me/musics             -> %s, %s s%n", musicId,
                track.path("duration").asText());

        int failures = 0;
        for (String style : STYLES) {
            failures += renderInStyle(api, style, photoIds, musicId) ? 0 : 1;
        }
        long creditsAfter = ProjectsApiClient.expect(api.me(), 200).path("credits").asLong();
        System.out.printf(Locale.ROOT, "  GET  /me                    -> %d credits (%d spent)%n", creditsAfter,
                creditsBefore - creditsAfter);
        return failures == 0 ? 0 : 1;
    }

    private boolean renderInStyle(ProjectsApiClient api, String style, List<String> photoIds, String musicId) {
        System.out.println();
        String name = "Reelforge demo in " + style;
        String id = ProjectsApiClient.expect(api.createProject(name), 200).path("id").asText();
        System.out.println("  POST /me/videos             -> draft " + id);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("style", style);
        fields.put("quality", QUALITY);
        fields.put("assets", Json.write(assets(photoIds, musicId)));
        fields.put("credit", "[[\"Made with\",\"Reelforge\"],[\"Photos\",\"ffmpeg gradients\"]]");
        ProjectsApiClient.expect(api.updateProject(id, fields), 200);
        System.out.println("  POST /me/videos/" + id + " style=" + style + " quality=" + QUALITY + ", "
                + photoIds.size() + " photos with captions, a text slide, music, credits");
        JsonNode accepted = ProjectsApiClient.expect(api.render(id), 200);
        System.out.println("  POST /me/videos/" + id + "/render -> " + accepted.path("status").asText() + " \""
                + accepted.path("message").asText() + "\"");
        long started = System.nanoTime();
        JsonNode video = api.awaitSettled(id, RENDER_TIMEOUT, Duration.ofMillis(250), polled -> {
            System.out.printf(Locale.ROOT, "\r       %-10s %5.1f s", polled.path("status").asText(),
                    (System.nanoTime() - started) / 1e9);
            System.out.flush();
        });
        System.out.println();
        if (!video.path("status").asText().equals("published")) {
            System.out.println("  the video " + id + " is " + video.path("status").asText() + ": " + video);
            return false;
        }
        System.out.printf(Locale.ROOT, "  published %.1f s after the render request, %s s long:%n",
                (System.nanoTime() - started) / 1e9, video.path("duration").asText());
        Path output = dataDirectory.resolve("demo-output");
        video.path("video").fields().forEachRemaining(rendition -> {
            String quality = rendition.getKey();
            String url = rendition.getValue().path("url").asText();
            Path copy = output.resolve(id + "-" + quality + ".mp4");
            long bytes = FileDownload.save(url, copy);
            System.out.printf(Locale.ROOT, "    %4sp %s (%d bytes, saved as %s)%n", quality, url, bytes,
                    copy.toAbsolutePath());
            System.out.printf(Locale.ROOT, "          thumbnail %s%n", video.path("thumbnail").path(quality).asText());
        });
        ProjectsApiClient.Answer link = api.publicLink(id, "demo");
        System.out.println("  GET  /v/" + id + "/demo.mp4 (no credentials) -> " + link.status() + " "
                + link.location().orElse(""));
        return link.status() == 302;
    }

    /** Picovico's frames as the SDKs lay them: photos with captions five seconds each, a text slide, the music. */
    private static ArrayNode assets(List<String> photoIds, String musicId) {
        ArrayNode assets = Json.MAPPER.createArrayNode();
        int start = 0;
        for (int photo = 0; photo < photoIds.size(); photo++) {
            assets.addObject().put("name", "image").put("asset_id", photoIds.get(photo)).put("start_time", start)
                    .put("end_time", start + 5).putObject("data").put("text", "Photo " + (photo + 1));
            start += 5;
            if (photo == 2) {
                assets.addObject().put("name", "text").put("start_time", start).put("end_time", start + 5)
                        .putObject("data").put("title", "Halfway").put("text", "made on one machine");
                start += 5;
            }
        }
        assets.addObject().put("name", "music").put("asset_id", musicId).put("start_time", 0).put("end_time", 0);
        return assets;
    }

    private static JsonNode requireReady(JsonNode item, String what) {
        if (!item.path("status").asText().equals("ready")) {
            throw new IllegalStateException(what + " was not accepted: " + item);
        }
        return item;
    }
}
