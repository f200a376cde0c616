package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.EditApiClient;
import dev.reelforge.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One render through the embedded stack, as a user of the Edit API sees it (submit, then poll every 50 ms
 * until {@code done}; the interval can be changed), with what the stack tells about where the time went:
 * <ul>
 * <li>the render's status transitions: a status response carries {@code updated}, the time of the render's
 * last change, so the first response in a new status tells when the render entered it (to the
 * millisecond, as long as the poll saw that status at all);</li>
 * <li>the MediaConvert emulator's job: {@code timing.submitTime/startTime/finishTime} (milliseconds) and its
 * input, the intermediate, whose size S3 gives;</li>
 * <li>the ffmpeg processes (see {@link RenderProcessWatch}): when the composition ended, and when the
 * emulator's encode ran.</li>
 * </ul>
 */
final class RenderPipeline {

    /** How often the client polls the render's status, as the brief of the bench says: every 50 ms. */
    static final Duration DEFAULT_POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** The points of one render's life, in order; each row of the breakdown runs from one to the next. */
    enum Point {
        SUBMIT("submit (before POST)"),
        QUEUED("queued (render stored)"),
        FETCHING("fetching (worker claimed it)"),
        RENDERING("rendering (sources fetched, probed)"),
        COMPOSED("intermediate composed (ffmpeg ended)"),
        JOB_CREATED("MediaConvert job created"),
        ENCODE_STARTED("encode ffmpeg started"),
        ENCODED("encode ffmpeg ended"),
        JOB_COMPLETE("MediaConvert job COMPLETE"),
        DONE("done (render stored as done)"),
        DONE_SEEN("done seen by the poll");

        final String label;

        Point(String label) {
            this.label = label;
        }
    }

    /** One render: wall time (nanoTime), the points (epoch ms) that were observed, and what it produced. */
    record Result(String id, double seconds, Map<Point, Long> points, int polls, List<String> statusesSeen,
            OptionalLong intermediateBytes, Optional<RenderProcessWatch.Cpu> cpu, List<String> composeCommand,
            List<String> encodeCommand, String url, double reportedDuration, Map<String, Double> threadCpu) {

        Optional<Long> at(Point point) {
            return Optional.ofNullable(points.get(point));
        }
    }

    private final LocalStack stack;
    private final EditApiClient client;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RenderPipeline(LocalStack stack, Duration poll) {
        this.stack = stack;
        this.poll = poll;
        this.client = EditApiClient.of(stack.descriptor(), Environment.V1);
    }

    Result run(String edit) {
        RenderProcessWatch watch = new RenderProcessWatch();
        Map<String, Instant> entered = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        int[] polls = {0};
        RenderThreadCpu threadsBefore = RenderThreadCpu.snapshot();
        Optional<RenderProcessWatch.Cpu> cpuBefore = RenderProcessWatch.Cpu.read();
        long submitMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        String id = client.submit(edit);
        JsonNode finished = client.awaitFinished(id, TIMEOUT, poll, render -> {
            polls[0]++;
            watch.scan();
            String status = render.path("status").asText();
            if (!entered.containsKey(status)) {
                entered.put(status, Instant.parse(render.path("updated").asText()));
                seen.add(status);
            }
        });
        long end = System.nanoTime();
        long doneSeenMillis = System.currentTimeMillis();
        Optional<RenderProcessWatch.Cpu> cpuAfter = RenderProcessWatch.Cpu.read();
        Map<String, Double> threadCpu = RenderThreadCpu.snapshot().since(threadsBefore);
        if (!"done".equals(finished.path("status").asText())) {
            throw new IllegalStateException("the render " + id + " failed: " + finished.path("error").asText());
        }
        watch.scan();

        Map<Point, Long> points = new LinkedHashMap<>();
        points.put(Point.SUBMIT, submitMillis);
        points.put(Point.QUEUED, Instant.parse(finished.path("created").asText()).toEpochMilli());
        put(points, Point.FETCHING, entered.get("fetching"));
        put(points, Point.RENDERING, entered.get("rendering"));
        Optional<RenderProcessWatch.Child> compose = watch.first(RenderProcessWatch.Role.COMPOSE);
        compose.filter(child -> child.exited() > 0).ifPresent(child -> points.put(Point.COMPOSED, child.exited()));
        Optional<JsonNode> job = job(id);
        job.ifPresent(found -> {
            putSeconds(points, Point.JOB_CREATED, found.path("timing").path("submitTime"));
            putSeconds(points, Point.JOB_COMPLETE, found.path("timing").path("finishTime"));
        });
        Optional<RenderProcessWatch.Child> encode = watch.first(RenderProcessWatch.Role.ENCODE);
        encode.ifPresent(child -> {
            points.put(Point.ENCODE_STARTED, child.seenMillis());
            if (child.exited() > 0) {
                points.put(Point.ENCODED, child.exited());
            }
        });
        put(points, Point.DONE, entered.get("done"));
        points.put(Point.DONE_SEEN, doneSeenMillis);

        OptionalLong intermediate = job.map(found -> intermediateBytes(
                found.path("settings").path("inputs").path(0).path("fileInput").asText()))
                .orElse(OptionalLong.empty());
        return new Result(id, (end - start) / 1e9, points, polls[0], seen, intermediate,
                cpuBefore.flatMap(before -> cpuAfter.map(after -> after.minus(before))),
                compose.map(RenderProcessWatch.Child::arguments).orElse(List.of()),
                encode.map(RenderProcessWatch.Child::arguments).orElse(List.of()),
                finished.path("url").asText(), finished.path("duration").asDouble(), threadCpu);
    }

    /** Downloads the render's output (its temporary URL) to {@code file}. */
    void download(Result result, Path file) throws IOException, InterruptedException {
        HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(result.url()))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("GET of the render's url answered " + response.statusCode());
        }
    }

    /** The emulator's job of the render, from ListJobs (newest first). */
    private Optional<JsonNode> job(String renderId) {
        URI jobs = stack.services().endpoints().mediaConvert().resolve("/2017-08-29/jobs?maxResults=20");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jobs).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode job : Json.MAPPER.readTree(response.body()).path("jobs")) {
                if (renderId.equals(job.path("userMetadata").path("renderId").asText())) {
                    return Optional.of(job);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private OptionalLong intermediateBytes(String location) {
        if (!location.startsWith("s3://")) {
            return OptionalLong.empty();
        }
        String path = location.substring("s3://".length());
        int slash = path.indexOf('/');
        try {
            return OptionalLong.of(stack.services().s3().headObject(head -> head.bucket(path.substring(0, slash))
                    .key(path.substring(slash + 1))).contentLength());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void put(Map<Point, Long> points, Point point, Instant at) {
        if (at != null) {
            points.put(point, at.toEpochMilli());
        }
    }

    private static void putSeconds(Map<Point, Long> points, Point point, JsonNode seconds) {
        if (seconds.isNumber()) {
            points.put(point, Math.round(seconds.asDouble() * 1000));
        }
    }
}
