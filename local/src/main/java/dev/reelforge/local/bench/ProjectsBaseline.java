package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.plan.Planning;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.RenderPlanner;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.project.MediaRef;
import dev.reelforge.core.project.MediaResolver;
import dev.reelforge.core.project.Project;
import dev.reelforge.core.project.ProjectEdit;
import dev.reelforge.core.project.ProjectQuality;
import dev.reelforge.core.project.ProjectUpdateReader;
import dev.reelforge.core.project.ProjectUpdateReading;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.media.FfmpegComposer;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.LiberationFonts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The projects benchmark's baseline: the project's own composition, as the pipeline's composer builds it (the same
 * style turned into the same edit, planned by the same planner, drawn by the same filter graph), run by one ffmpeg
 * process straight into the three final MP4s at the encoder's settings for each size, with no intermediate file,
 * no second process and nothing in between. What is left of the pipeline's time over it is the price of the
 * pipeline: the API, the queue, the intermediate, the second decode, the hosting copies.
 */
final class ProjectsBaseline {

    /** One run: the wall time of the ffmpeg process. */
    record Result(double seconds) {}

    /** CRF of libx264 for QVBR level 7, as the MediaConvert emulator maps it (medium quality). */
    private static final String CRF = "23";
    private static final String PLACEHOLDER_HOST = "https://media.invalid/";

    private final Path directory;
    private final List<String> command;
    private final List<Path> outputs = new ArrayList<>();

    /**
     * @param fields the project's fields as the benchmark sends them (assets naming photos and music by id)
     * @param files  each photo and music id's local file
     */
    ProjectsBaseline(Path ffmpeg, Path directory, JsonNode fields, Map<String, Path> files, double musicSeconds) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            RenderPlan plan = plan(ffmpeg, fields, files, musicSeconds);
            Map<Integer, Path> sources = new HashMap<>();
            for (SourceFile source : plan.sources()) {
                sources.put(source.index(), files.get(idOf(source.src())));
            }
            FfmpegComposer.VideoGraph graph = new FfmpegComposer(ffmpeg, new LiberationFonts(directory.resolve("fonts")),
                    Duration.ofMinutes(10)).videoGraph(plan, sources, directory);
            List<Size> sizes = List.of(ProjectQuality.Q720, ProjectQuality.Q480, ProjectQuality.Q360).stream()
                    .map(quality -> new Size(quality.width(), quality.height())).toList();
            StringBuilder script = new StringBuilder(graph.script()).append(";\n[").append(graph.picture())
                    .append("]split=").append(sizes.size());
            for (int i = 0; i < sizes.size(); i++) {
                script.append("[p").append(i).append(']');
            }
            for (int i = 0; i < sizes.size(); i++) {
                script.append(";\n[p").append(i).append("]scale=").append(sizes.get(i).width()).append(':')
                        .append(sizes.get(i).height()).append("[v").append(i).append(']');
            }
            graph.sound().ifPresent(sound -> {
                script.append(";\n[").append(sound).append("]asplit=").append(sizes.size());
                for (int i = 0; i < sizes.size(); i++) {
                    script.append("[a").append(i).append(']');
                }
            });
            Files.writeString(directory.resolve("graph.txt"), script, StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y",
                    "-loglevel", "error", "-nostats"));
            arguments.addAll(graph.inputArguments());
            arguments.addAll(List.of("-filter_complex_script", "graph.txt"));
            for (int i = 0; i < sizes.size(); i++) {
                Size size = sizes.get(i);
                int peak = MediaConvertEncoder.maxBitrate(size, plan.output().fps(), Quality.MEDIUM);
                arguments.addAll(List.of("-map", "[v" + i + "]", "-c:v", "libx264", "-preset", "veryfast",
                        "-profile:v", "high", "-crf", CRF, "-maxrate", Integer.toString(peak),
                        "-bufsize", Integer.toString(2 * peak), "-pix_fmt", "yuv420p"));
                if (graph.sound().isPresent()) {
                    arguments.addAll(List.of("-map", "[a" + i + "]", "-c:a", "aac", "-b:a", "128000", "-ar", "48000",
                            "-ac", "2"));
                }
                Path output = directory.resolve("baseline-" + size.height() + ".mp4");
                outputs.add(output);
                arguments.addAll(List.of("-movflags", "+faststart", "-f", "mp4", output.getFileName().toString()));
            }
            this.command = List.copyOf(arguments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the baseline in " + directory, e);
        }
    }

    /** The three files, 720 then 480 then 360. */
    List<Path> outputs() {
        return List.copyOf(outputs);
    }

    Result run() throws IOException, InterruptedException {
        Path log = directory.resolve("ffmpeg.log");
        for (Path output : outputs) {
            Files.deleteIfExists(output);
        }
        double seconds = Machine.runTimed(command, directory, log, "the baseline ffmpeg");
        return new Result(seconds);
    }

    /** The plan the pipeline makes of the project, with the photos and music as local files. */
    private static RenderPlan plan(Path ffmpeg, JsonNode fields, Map<String, Path> files, double musicSeconds) {
        Project project = switch (new ProjectUpdateReader().read(fields)) {
            case ProjectUpdateReading.Read read -> Project.draft(Optional.empty()).with(read.update());
            case ProjectUpdateReading.Refused refused -> throw new IllegalArgumentException(refused.message());
        };
        MediaResolver local = ref -> switch (ref) {
            case MediaRef.Id id -> new MediaResolver.ResolvedMedia(uriOf(id.id()),
                    files.get(id.id()).toString().endsWith(".mp3") ? OptionalDouble.of(musicSeconds)
                            : OptionalDouble.empty());
            case MediaRef.Url url -> throw new IllegalArgumentException("the bench names media by id: " + url.url());
        };
        JsonNode edit = ProjectEdit.of(project, StyleBook.shipped().style(project.style().orElseThrow()).orElseThrow(),
                local);
        EditReading reading = new EditReader().read(edit);
        if (!(reading instanceof EditReading.Renderable renderable)) {
            throw new IllegalStateException("the project's edit cannot be rendered: " + reading);
        }
        MediaProbe probe = new FfmpegMediaProbe(ffmpeg, Duration.ofMinutes(1));
        Map<URI, MediaInfo> probes = new HashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            switch (probe.probe(file.getValue())) {
                case MediaProbe.ProbeResult.Probed probed -> probes.put(uriOf(file.getKey()), probed.info());
                case MediaProbe.ProbeResult.Unreadable unreadable ->
                        throw new IllegalStateException(file.getValue() + " is unreadable: " + unreadable.reason());
            }
        }
        return switch (new RenderPlanner().plan(renderable.edit(), probes)) {
            case Planning.Planned planned -> planned.plan();
            case Planning.Unplannable unplannable -> throw new IllegalStateException(unplannable.reason());
        };
    }

    /**
     * The URL an id's file is named by in the edit. Nothing fetches it: the plan names sources by URL, and the
     * baseline hands the composer the local files for them, as the render worker does once it has fetched them.
     */
    private static URI uriOf(String id) {
        return URI.create(PLACEHOLDER_HOST + id);
    }

    private static String idOf(URI url) {
        return url.toString().substring(PLACEHOLDER_HOST.length());
    }
}
