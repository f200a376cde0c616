package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.DurableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The emulator's jobs on disk, one file each ({@code <directory>/<jobId>.json}), as MediaConvert keeps every job it
 * accepted: written when a job is created and at each change of status, before the change is announced. A file
 * also holds the events of that change not yet handed to EventBridge ({@code unannounced}), so that a kill between
 * the change and its announcement loses neither.
 */
final class JobStore {

    /** A job read back, with the events it still owes. */
    record Stored(EmulatedJob job, List<String> unannounced) {}

    private final Path directory;

    JobStore(Path directory) {
        this.directory = directory;
    }

    /** Keeps the job as it is now, with the events of its last change that are still to be announced. */
    void save(EmulatedJob job, List<String> unannounced) {
        ObjectNode stored = job.stored();
        ArrayNode events = stored.putArray("unannounced");
        unannounced.forEach(events::add);
        DurableFile.write(directory.resolve(job.id() + ".json"), Json.write(stored).getBytes(StandardCharsets.UTF_8));
    }

    /** Every job kept; a file that cannot be read is reported and left where it is. */
    List<Stored> load(Consumer<String> problems) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Stored> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                if (DurableFile.isPartial(file)) {
                    Files.deleteIfExists(file);
                    continue;
                }
                if (!file.getFileName().toString().endsWith(".json")) {
                    continue;
                }
                try {
                    JsonNode stored = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                    List<String> unannounced = new ArrayList<>();
                    stored.path("unannounced").forEach(event -> unannounced.add(event.asText()));
                    jobs.add(new Stored(EmulatedJob.restore(stored), unannounced));
                } catch (IOException | RuntimeException e) {
                    problems.accept("the job kept in " + file + " cannot be read, and is left out: " + e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jobs kept in " + directory, e);
        }
        return jobs;
    }
}
