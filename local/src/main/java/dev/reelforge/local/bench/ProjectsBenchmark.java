package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.CommandLine;
import dev.reelforge.local.FileDownload;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectsApiClient;
import dev.reelforge.local.media.SampleMedia;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reelforge bench projects [--runs N] [--warmup N] [--photos N] [--style NAME]}: a Picovico project of 20
 * photos with captions and a music track, rendered at 720 (three renditions: 720, 480, 360) through the whole
 * embedded stack, from {@code POST /me/videos/{id}/render} to {@code published} as a user polling every 200 ms sees
 * it, against a baseline measured in the same run: the same composition (the style's edit, planned and drawn by the
 * pipeline's own planner and filter graph) made by one ffmpeg process straight into the same three MP4s
 * ({@link ProjectsBaseline}). Pipeline and baseline alternate, after unmeasured warm-ups; medians and the ratio are
 * printed. See docs/PERFORMANCE.md, "Projects".
 */
public final class ProjectsBenchmark {

    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final double MUSIC_SECONDS = 40;

    private ProjectsBenchmark() {}

    private record Round(String order, double pipeline, double baseline, double loadBefore) {}

    public static int run(CommandLine options) {
        if (options.positional().size() != 1 || !options.positional().getFirst().equals("projects")) {
            System.err.println("usage: reelforge bench projects [--runs N (3)] [--warmup N (1)] [--photos N (20)]"
                    + " [--style NAME (vanilla)] [--data-dir DIR]");
            return 2;
        }
        int runs = Machine.countOption(options, "runs", 3);
        int warmup = Machine.countOption(options, "warmup", 1);
        int photoCount = Machine.countOption(options, "photos", 20);
        String style = options.option("style").orElse("vanilla");
        if (runs < 1 || warmup < 1 || photoCount < 1) {
            System.err.println("bench: --runs, --warmup and --photos must be positive numbers");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        return Machine.measureInScratch(options, "projects", (work, started) -> {
            PROGRESS.println("bench projects: starting the embedded stack...");
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                    line -> {}))) {
                Path ffmpeg = stack.ffmpeg();
                PROGRESS.println("bench projects: making and uploading " + photoCount + " photos and the music...");
                SampleMedia media = new SampleMedia(ffmpeg, work.resolve("media"));
                ProjectsApiClient api = ProjectsApiClient.logIn(stack.descriptor(), Environment.V1);
                Map<String, Path> files = new LinkedHashMap<>();
                List<String> photoIds = new ArrayList<>();
                for (int photo = 1; photo <= photoCount; photo++) {
                    Path file = media.picture("photo-" + photo + ".jpg", photo, 1600, 1200);
                    String id = uploaded(api, "photos", file, "image/jpeg");
                    photoIds.add(id);
                    files.put(id, file);
                }
                Path music = media.tone("music.mp3", 262, MUSIC_SECONDS);
                String musicId = uploaded(api, "musics", music, "audio/mpeg");
                files.put(musicId, music);
                ObjectNode fields = fields(style, photoIds, musicId);
                ProjectsBaseline baseline = new ProjectsBaseline(ffmpeg, work.resolve("baseline"), fields, files,
                        MUSIC_SECONDS);

                printHeader(started, runs, warmup, photoCount, style);
                PROGRESS.println("bench projects: warm-up (pipeline, then baseline), not measured...");
                JsonNode lastVideo = null;
                for (int run = 1; run <= warmup; run++) {
                    Timed warm = renderOnce(api, fields);
                    double warmBaseline = baseline.run().seconds();
                    PROGRESS.printf(Locale.ROOT, "  warm-up %d: pipeline %.2f s, baseline %.2f s%n", run,
                            warm.seconds(), warmBaseline);
                }
                List<Round> rounds = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    double load = Machine.loadAverage();
                    double pipelineSeconds;
                    double baselineSeconds;
                    // The order flips every run, so that drift on a shared machine falls on both alike.
                    if (run % 2 == 1) {
                        Timed timed = renderOnce(api, fields);
                        lastVideo = timed.video();
                        pipelineSeconds = timed.seconds();
                        baselineSeconds = baseline.run().seconds();
                    } else {
                        baselineSeconds = baseline.run().seconds();
                        Timed timed = renderOnce(api, fields);
                        lastVideo = timed.video();
                        pipelineSeconds = timed.seconds();
                    }
                    Round round = new Round(run % 2 == 1 ? "pipeline, baseline" : "baseline, pipeline",
                            pipelineSeconds, baselineSeconds, load);
                    rounds.add(round);
                    PROGRESS.printf(Locale.ROOT, "  run %d of %d: pipeline %.2f s, baseline %.2f s (%s)%n", run, runs,
                            pipelineSeconds, baselineSeconds, round.order());
                }
                printRuns(rounds);
                printOutputs(ffmpeg, work, lastVideo, baseline);
            }
        });
    }

    /** What one render through the Projects API took, and the published video. */
    private record Timed(double seconds, JsonNode video) {}

    /** A new project with the fields, rendered: the time from the render request until it is seen published. */
    private static Timed renderOnce(ProjectsApiClient api, ObjectNode fields) {
        String id = ProjectsApiClient.expect(api.createProject("bench"), 200).path("id").asText();
        Map<String, String> form = new LinkedHashMap<>();
        fields.fields().forEachRemaining(field -> form.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : Json.write(field.getValue())));
        ProjectsApiClient.expect(api.updateProject(id, form), 200);
        long start = System.nanoTime();
        ProjectsApiClient.expect(api.render(id), 200);
        JsonNode video = api.awaitSettled(id, Duration.ofMinutes(10), POLL, polled -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!video.path("status").asText().equals("published")) {
            throw new IllegalStateException("the bench project " + id + " ended " + video);
        }
        return new Timed(seconds, video);
    }

    private static String uploaded(ProjectsApiClient api, String collection, Path file, String contentType) {
        String id = ProjectsApiClient.expect(api.upload(collection, file, contentType), 200).path("id").asText();
        JsonNode checked = api.awaitChecked(collection, id, Duration.ofMinutes(1));
        if (!checked.path("status").asText().equals("ready")) {
            throw new IllegalStateException(file + " was refused: " + checked);
        }
        return id;
    }

    /** The project: its name, the style, 720, a photo with a caption every 5 s, the music, credits. */
    private static ObjectNode fields(String style, List<String> photoIds, String musicId) {
        ObjectNode fields = Json.MAPPER.createObjectNode().put("name", "Bench: twenty photos").put("style", style)
                .put("quality", 720);
        ArrayNode assets = fields.putArray("assets");
        for (int photo = 0; photo < photoIds.size(); photo++) {
            assets.addObject().put("name", "image").put("asset_id", photoIds.get(photo)).put("start_time", photo * 5)
                    .put("end_time", photo * 5 + 5).putObject("data").put("text", "Photo " + (photo + 1));
        }
        assets.addObject().put("name", "music").put("asset_id", musicId).put("start_time", 0).put("end_time", 0);
        ArrayNode credit = fields.putArray("credit");
        credit.addArray().add("Made with").add("Reelforge");
        return fields;
    }

    private static void printHeader(Instant started, int runs, int warmup, int photos, String style) {
        OUT.println("Reelforge bench projects, " + started.truncatedTo(ChronoUnit.SECONDS));
        OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(),
                Machine.loadAverageText());
        OUT.printf(Locale.ROOT, "settings: --runs %d --warmup %d --photos %d --style %s (polling every %d ms)%n", runs,
                warmup, photos, style, POLL.toMillis());
        OUT.printf(Locale.ROOT, "project: %d JPEG photos 1600x1200 with captions, a %.0f s MP3 looped under it,"
                + " credits; quality 720 -> 1280x720, 854x480, 640x360 MP4s (v1, no watermark)%n", photos, MUSIC_SECONDS);
        OUT.println("pipeline: POST /me/videos/{id}/render until GET /me/videos/{id} says published (render, encode,"
                + " host, settle)");
        OUT.println("baseline: the same composition by one ffmpeg process straight into the three MP4s");
        OUT.println("Every ratio is against the baseline measured in this same run.");
    }

    private static void printRuns(List<Round> rounds) {
        OUT.println();
        String header = String.format(Locale.ROOT, "%-5s %-20s %10s %10s %8s %9s", "run", "order", "pipeline",
                "baseline", "ratio", "load avg");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            OUT.printf(Locale.ROOT, "%-5d %-20s %10.2f %10.2f %7.2fx %9.2f%n", i + 1, round.order(), round.pipeline(),
                    round.baseline(), round.pipeline() / round.baseline(), round.loadBefore());
        }
        double pipeline = RenderBenchmark.median(rounds.stream().map(Round::pipeline).toList());
        double baseline = RenderBenchmark.median(rounds.stream().map(Round::baseline).toList());
        OUT.printf(Locale.ROOT, "median: pipeline %.2f s, baseline %.2f s, ratio pipeline/baseline %.2fx (+%.2f s)%n",
                pipeline, baseline, pipeline / baseline, pipeline - baseline);
    }

    /** The last published video's renditions beside the baseline's files: what both made, so the race was fair. */
    private static void printOutputs(Path ffmpeg, Path work, JsonNode video, ProjectsBaseline baseline) {
        OUT.println();
        OUT.println("outputs (pipeline's last published video | baseline):");
        List<Path> baselineFiles = baseline.outputs();
        String[] qualities = {"720", "480", "360"};
        for (int i = 0; i < qualities.length; i++) {
            Path copy = work.resolve("pipeline-" + qualities[i] + ".mp4");
            FileDownload.save(video.path("video").path(qualities[i]).path("url").asText(), copy);
            RenderMedia pipelineMedia = RenderMedia.inspect(ffmpeg, copy);
            RenderMedia baselineMedia = RenderMedia.inspect(ffmpeg, baselineFiles.get(i));
            OUT.printf(Locale.ROOT, "  %sp: %dx%d %.2f s %,d bytes | %dx%d %.2f s %,d bytes; SSIM %.4f%n", qualities[i],
                    pipelineMedia.width(), pipelineMedia.height(), pipelineMedia.containerSeconds(), pipelineMedia.bytes(),
                    baselineMedia.width(), baselineMedia.height(), baselineMedia.containerSeconds(), baselineMedia.bytes(),
                    RenderMedia.ssim(ffmpeg, copy, baselineFiles.get(i)));
        }
    }
}
