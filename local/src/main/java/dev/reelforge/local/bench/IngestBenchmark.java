package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertRenditionEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionOutput;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionsReader;
import dev.reelforge.core.ingest.RenditionsReading;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.Environment;
import dev.reelforge.local.CommandLine;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.mediaconvert.MediaConvertEmulator;
import dev.reelforge.local.services.S3ProxyServer;
import dev.reelforge.media.BundledFfmpeg;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code reelforge bench ingest [--runs N] [--seconds N] [--small-seconds N] [--part all|three|small] [--via
 * api|job]}: ingesting a source into renditions, against bare ffmpeg making the same files from the same file in one
 * process, measured in the same run, alternating which goes first. {@code --via api} (the default) drives the Ingest
 * API on the embedded stack end to end ({@link ThroughApi}); {@code --via job} times the MediaConvert job
 * {@link MediaConvertRenditionEncoder} writes alone, run by the local MediaConvert (S3Proxy, ffmpeg), with its phases.
 *
 * <p>Part {@code three}: a 1080p source of {@code --seconds} (60) into 360p, 720p and 1080p MP4 renditions. Part
 * {@code small}, the least favourable case for the design: a 1080p source of {@code --small-seconds} (5) into one
 * 360p MP4, where the job's fixed costs (S3 download and uploads, probing, the job's bookkeeping and events) weigh
 * most against the encoding. The baseline is the ffmpeg process. Each pipeline rendition's SSIM against the baseline's file of the same size is printed (1 is identical).
 * See docs/PERFORMANCE.md, "Ingest".
 */
public final class IngestBenchmark {

    static final List<String> PARTS = List.of("three", "small");
    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;
    private static final String OWNER = "bench";
    private static final String SOURCES_BUCKET = "sources";
    private static final String RENDITIONS_BUCKET = "renditions";
    private static final String ROLE = "arn:aws:iam::000000000000:role/MediaConvertRole";
    private static final Fps SOURCE_FPS = new Fps(25, 1);
    /** The emulator's CRF for the QVBR level the encoder writes when a rendition sets no quality (7). */
    private static final int CRF_OF_DEFAULT_LEVEL = 23;

    private IngestBenchmark() {}

    /**
     * The pipeline side: places the source where it ingests from, makes its renditions, answering where each file
     * is once they all are, and saves such a file locally; {@link ThroughApi} (the default) or {@link ThroughJob}.
     */
    interface RenditionPipeline {

        /** Where this side ingests the source file from (not timed: the user's file is there before). */
        String place(Path sourceFile) throws Exception;

        /** @param renditions the source request's {@code outputs.renditions}, as a user sends them */
        List<String> make(String source, SourceMedia media, JsonNode renditions) throws Exception;

        void save(String location, Path file) throws Exception;

        /** Where the last {@link #make}'s time went, when this side can tell. */
        Phases phasesOfLast();
    }

    /** One measured round: both sides in seconds, in the order they ran, and where the pipeline's time went. */
    private record Round(boolean pipelineFirst, double pipeline, double baseline, double load, Phases phases) {}

    /**
     * The pipeline's time by the job's events (their {@code timestamp}s): from CreateJob until the TRANSCODING phase
     * begins (the job's start, the S3 download of the source, probing it), the TRANSCODING phase (the one ffmpeg
     * process), and from the UPLOADING phase until the COMPLETE event is taken (uploads to S3, probing each file).
     */
    private record Phases(double beforeEncoding, double encoding, double afterEncoding) {}

    /** Every event of the jobs, by job id, and the id of the job started last. */
    private static final class JobLog {
        private final Map<String, List<JsonNode>> events = new ConcurrentHashMap<>();
        private final BlockingQueue<JsonNode> finished = new LinkedBlockingQueue<>();
        private volatile String lastJob;
        private volatile long lastSubmittedMillis;

        void take(String event) {
            JsonNode parsed = Json.parseTrusted(event);
            String jobId = parsed.path("detail").path("jobId").asText();
            events.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(parsed);
            if (List.of("COMPLETE", "ERROR", "CANCELED").contains(parsed.path("detail").path("status").asText())) {
                finished.add(parsed);
            }
        }

        Phases phasesOfLast() {
            List<JsonNode> of = events.getOrDefault(lastJob, List.of());
            long transcoding = firstInPhase(of, "TRANSCODING");
            long uploading = firstInPhase(of, "UPLOADING");
            long complete = of.stream().filter(event -> event.path("detail").path("status").asText().equals("COMPLETE"))
                    .mapToLong(event -> event.path("detail").path("timestamp").asLong()).findFirst().orElse(-1);
            if (transcoding < 0 || uploading < 0 || complete < 0) {
                return new Phases(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Phases((transcoding - lastSubmittedMillis) / 1000.0, (uploading - transcoding) / 1000.0,
                    (complete - uploading) / 1000.0);
        }

        private static long firstInPhase(List<JsonNode> events, String phase) {
            return events.stream()
                    .filter(event -> event.path("detail").path("status").asText().equals("STATUS_UPDATE"))
                    .filter(event -> event.path("detail").path("jobProgress").path("currentPhase").asText().equals(phase))
                    .mapToLong(event -> event.path("detail").path("timestamp").asLong()).min().orElse(-1);
        }
    }

    public static int run(CommandLine options) {
        int runs = Machine.countOption(options, "runs", 3);
        int seconds = Machine.countOption(options, "seconds", 60);
        int smallSeconds = Machine.countOption(options, "small-seconds", 5);
        String part = options.option("part").orElse("all");
        String via = options.option("via").orElse("api");
        if (runs < 1 || seconds < 1 || smallSeconds < 1 || !(part.equals("all") || PARTS.contains(part))
                || !List.of("api", "job").contains(via)) {
            System.err.println("usage: reelforge bench ingest [--runs N (3)] [--seconds N (60)] [--small-seconds N (5)]"
                    + " [--part all|three|small] [--via api|job] [--data-dir DIR]");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        return Machine.measureInScratch(options, "ingest", (work, started) -> {
            if (via.equals("api")) {
                PROGRESS.println("bench ingest: starting the embedded stack...");
                try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                        line -> {}));
                        LoopbackFileServer files = LoopbackFileServer.serve(work.resolve("served"))) {
                    ThroughApi pipeline = new ThroughApi(stack, files, work.resolve("served"));
                    measureAll(pipeline, stack.ffmpeg(), work, started, runs, seconds, smallSeconds, part, via);
                }
                return;
            }
            Path ffmpeg = BundledFfmpeg.extractTo(work.resolve("bin"));
            JobLog jobs = new JobLog();
            try (S3ProxyServer s3Server = S3ProxyServer.start(work.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                    LocalCredentials.SECRET_ACCESS_KEY);
                    S3Client s3 = LocalClients.s3(s3Server.endpoint());
                    MediaConvertEmulator emulator = MediaConvertEmulator.start(ffmpeg, s3, work.resolve("mediaconvert"),
                            "000000000000", "us-east-1", jobs::take);
                    MediaConvertClient mediaConvert = MediaConvertClient.builder()
                            .endpointOverride(emulator.endpoint())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(LocalCredentials.provider())
                            .httpClient(UrlConnectionHttpClient.create())
                            .build()) {
                s3.createBucket(create -> create.bucket(SOURCES_BUCKET));
                s3.createBucket(create -> create.bucket(RENDITIONS_BUCKET));
                MediaConvertRenditionEncoder encoder = new MediaConvertRenditionEncoder(mediaConvert,
                        new MediaConvertSettings(ROLE, Optional.empty(), "s3://unused/watermark.png", new Size(1, 1)),
                        Clock.systemUTC());
                measureAll(new ThroughJob(s3, encoder, jobs), ffmpeg, work, started, runs, seconds, smallSeconds, part,
                        via);
            }
        });
    }

    private static void measureAll(RenditionPipeline pipeline, Path ffmpeg, Path work, Instant started, int runs,
            int seconds, int smallSeconds, String part, String via) throws Exception {
        printHeader(started, runs, seconds, smallSeconds, ffmpeg, via);
        warmUp(ffmpeg, pipeline, work.resolve("warm-up"));
        if (!part.equals("small")) {
            measure("three renditions of a " + seconds + "-s 1080p source", ffmpeg, pipeline, work.resolve("three"),
                    seconds, """
                            [{"format": "mp4", "resolution": "mobile"}, {"format": "mp4", "resolution": "hd"},
                             {"format": "mp4", "resolution": "fhd"}]""", runs);
        }
        if (!part.equals("three")) {
            measure("one 360p rendition of a " + smallSeconds + "-s 1080p source (least favourable)", ffmpeg,
                    pipeline, work.resolve("small"), smallSeconds,
                    "[{\"format\": \"mp4\", \"resolution\": \"mobile\"}]", runs);
        }
    }

    /**
     * The Ingest API end to end, as a user drives it: the source served on loopback, {@code POST /ingest/stage/sources}
     * with its renditions, then {@code GET /ingest/stage/sources/{id}} every 100 ms until every rendition is ready; the
     * stack fetches it through the address guard, stores and probes it, starts the one job, and the job's events make
     * each rendition ready. The files are read back from the CDN.
     */
    private static final class ThroughApi implements RenditionPipeline {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI api;
        private final String key;
        private final LoopbackFileServer files;
        private final Path served;

        ThroughApi(LocalStack stack, LoopbackFileServer files, Path served) throws IOException {
            this.api = stack.apiUrl();
            this.key = stack.descriptor().apiKey(Environment.STAGE);
            this.files = files;
            this.served = Files.createDirectories(served);
        }

        @Override
        public String place(Path sourceFile) throws IOException {
            String name = sourceFile.getParent().getFileName() + "-" + sourceFile.getFileName();
            Files.copy(sourceFile, served.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return files.url(name).toString();
        }

        @Override
        public List<String> make(String source, SourceMedia media, JsonNode renditions) throws Exception {
            ObjectNode body = Json.object().put("url", source);
            body.putObject("outputs").set("renditions", renditions);
            JsonNode queued = send(HttpRequest.newBuilder(api.resolve("/ingest/stage/sources"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            String id = queued.at("/data/id").asText();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode attributes = send(HttpRequest.newBuilder(api.resolve("/ingest/stage/sources/" + id)).GET())
                        .at("/data/attributes");
                List<String> urls = new ArrayList<>();
                boolean failed = attributes.path("status").asText().equals("failed");
                for (JsonNode rendition : attributes.at("/outputs/renditions")) {
                    failed |= rendition.path("status").asText().equals("failed");
                    if (rendition.path("status").asText().equals("ready")) {
                        urls.add(rendition.path("url").asText());
                    }
                }
                if (failed) {
                    throw new IllegalStateException("source " + id + " failed: " + attributes);
                }
                if (urls.size() == renditions.size()) {
                    return urls;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("source " + id + " was not ready in 30 minutes");
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.header("x-api-key", key).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return Json.parseTrusted(response.body());
        }

        @Override
        public void save(String location, Path file) throws Exception {
            http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofFile(file));
        }

        @Override
        public Phases phasesOfLast() {
            return new Phases(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * The job alone, as the import flow starts it: the source already in S3, CreateJob through the SDK client until
     * its COMPLETE event; its events split the time into phases.
     */
    private static final class ThroughJob implements RenditionPipeline {

        private final S3Client s3;
        private final MediaConvertRenditionEncoder encoder;
        private final JobLog jobs;

        ThroughJob(S3Client s3, MediaConvertRenditionEncoder encoder, JobLog jobs) {
            this.s3 = s3;
            this.encoder = encoder;
            this.jobs = jobs;
        }

        @Override
        public String place(Path sourceFile) {
            String key = OWNER + "/" + sourceFile.getParent().getFileName() + "/source.mp4";
            s3.putObject(put -> put.bucket(SOURCES_BUCKET).key(key), RequestBody.fromFile(sourceFile));
            return "s3://" + SOURCES_BUCKET + "/" + key;
        }

        @Override
        public List<String> make(String source, SourceMedia media, JsonNode renditions) throws InterruptedException {
            return throughMediaConvert(encoder, jobs, source, media, read(renditions));
        }

        @Override
        public void save(String location, Path file) {
            String rest = location.substring(("s3://" + RENDITIONS_BUCKET + "/").length());
            s3.getObject(get -> get.bucket(RENDITIONS_BUCKET).key(rest), file);
        }

        @Override
        public Phases phasesOfLast() {
            return jobs.phasesOfLast();
        }
    }

    /**
     * One job of a 1-s source, not measured: the first job of a JVM loads and compiles the SDK client's and the
     * emulator's code, which would fall on the first measured run only.
     */
    private static void warmUp(Path ffmpeg, RenditionPipeline pipeline, Path directory) throws Exception {
        PROGRESS.println("bench ingest: warm-up (one source of 1 s), not measured...");
        String source = pipeline.place(sourceFile(ffmpeg, directory, 1));
        pipeline.make(source, new SourceMedia(true, true, 1920, 1080, 1, SOURCE_FPS.value()),
                Json.parseTrusted("[{\"format\": \"mp4\", \"resolution\": \"mobile\"}]"));
    }

    private static List<RenditionSpec> read(JsonNode renditions) {
        RenditionsReading reading = new RenditionsReader().read(renditions);
        return ((RenditionsReading.Read) reading).renditions();
    }

    /** A 1080p testsrc2 source with a tone, made with ffmpeg: {@code directory/source.mp4}. */
    private static Path sourceFile(Path ffmpeg, Path directory, int seconds) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        PROGRESS.printf(Locale.ROOT, "bench ingest: making a %d-s 1080p source...%n", seconds);
        Path sourceFile = directory.resolve("source.mp4");
        Machine.runTimed(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", sourceFile.toString()),
                directory, directory.resolve("source.log"), "making the source");
        return sourceFile;
    }

    /** The pipeline as the import flow starts it: one job for the source, finished when its COMPLETE arrives. */
    private static List<String> throughMediaConvert(MediaConvertRenditionEncoder encoder, JobLog jobs,
            String source, SourceMedia media, List<RenditionSpec> renditions) throws InterruptedException {
        // a new source id each time: the job's token is the source's, and a repeat within a minute is the same job
        String sourceId = UUID.randomUUID().toString();
        List<RenditionOutput> outputs = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            outputs.add(new RenditionOutput("r" + i, renditions.get(i),
                    "s3://" + RENDITIONS_BUCKET + "/" + OWNER + "/" + sourceId + "/r" + i));
        }
        jobs.lastSubmittedMillis = System.currentTimeMillis();
        String jobId = encoder.start(new RenditionJob(sourceId, OWNER, source, media, outputs));
        jobs.lastJob = jobId;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            JsonNode event = jobs.finished.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("job " + jobId + " did not finish in 30 minutes");
            }
            if (!event.path("detail").path("jobId").asText().equals(jobId)) {
                continue;
            }
            if (!event.path("detail").path("status").asText().equals("COMPLETE")) {
                throw new IllegalStateException("job " + jobId + " ended " + event.path("detail"));
            }
            return outputs.stream().map(MediaConvertRenditionEncoder::fileOf).toList();
        }
    }

    private static void measure(String title, Path ffmpeg, RenditionPipeline pipeline, Path directory, int seconds,
            String renditionsJson, int runs) throws Exception {
        JsonNode asSent = Json.parseTrusted(renditionsJson);
        List<RenditionSpec> renditions = read(asSent);
        SourceMedia media = new SourceMedia(true, true, 1920, 1080, seconds, SOURCE_FPS.value());
        Path sourceFile = sourceFile(ffmpeg, directory, seconds);
        String source = pipeline.place(sourceFile);
        List<String> baseline = baselineCommand(ffmpeg, sourceFile, renditions, media);

        List<Round> rounds = new ArrayList<>();
        List<String> lastOutputs = List.of();
        for (int run = 1; run <= runs; run++) {
            boolean pipelineFirst = run % 2 == 1;
            double load = Machine.loadAverage();
            double pipelineSeconds = 0;
            double baselineSeconds = 0;
            Phases phases = null;
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == pipelineFirst) {
                    long start = System.nanoTime();
                    lastOutputs = pipeline.make(source, media, asSent);
                    pipelineSeconds = (System.nanoTime() - start) / 1e9;
                    phases = pipeline.phasesOfLast();
                } else {
                    baselineSeconds = Machine.runTimed(baseline, directory, directory.resolve("baseline.log"),
                            "the baseline ffmpeg");
                }
            }
            rounds.add(new Round(pipelineFirst, pipelineSeconds, baselineSeconds, load, phases));
            PROGRESS.printf(Locale.ROOT, "  run %d of %d: pipeline %.2f s, baseline %.2f s%n", run, runs,
                    pipelineSeconds, baselineSeconds);
        }
        List<Path> pipelineFiles = new ArrayList<>();
        for (int i = 0; i < lastOutputs.size(); i++) {
            Path file = directory.resolve("pipeline-" + i + ".mp4");
            pipeline.save(lastOutputs.get(i), file);
            pipelineFiles.add(file);
        }
        print(title, ffmpeg, renditions, media, rounds, pipelineFiles, directory);
    }

    /**
     * Bare ffmpeg: the same files from the same local file in one process, with the settings the local MediaConvert
     * gives these renditions (libx264 veryfast, the CRF of QVBR level 7 capped at the same peak bitrate, AAC 128
     * kbit/s, the source's rate, the picture scaled to fill and cropped), one split of the decoded source.
     */
    private static List<String> baselineCommand(Path ffmpeg, Path source, List<RenditionSpec> renditions,
            SourceMedia media) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-i", "file:" + source.toAbsolutePath()));
        StringBuilder graph = new StringBuilder("[0:v]split=" + renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[in").append(i).append("]");
        }
        for (int i = 0; i < renditions.size(); i++) {
            Size frame = renditions.get(i).frameFor(media).orElseThrow();
            String size = frame.width() + ":" + frame.height();
            graph.append(";[in").append(i).append("]scale=").append(size)
                    .append(":force_original_aspect_ratio=increase:flags=bicubic,crop=").append(size)
                    .append(",setsar=1,format=yuv420p[out").append(i).append("]");
        }
        command.addAll(List.of("-filter_complex", graph.toString()));
        for (int i = 0; i < renditions.size(); i++) {
            Size frame = renditions.get(i).frameFor(media).orElseThrow();
            int peak = MediaConvertEncoder.maxBitrate(frame, SOURCE_FPS, Quality.MEDIUM);
            command.addAll(List.of("-map", "[out" + i + "]", "-map", "0:a:0",
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                    "-crf", String.valueOf(CRF_OF_DEFAULT_LEVEL), "-maxrate", String.valueOf(peak),
                    "-bufsize", String.valueOf(2L * peak),
                    "-c:a", "aac", "-b:a", "128000", "-ar", "48000", "-ac", "2",
                    "-movflags", "+faststart", "-f", "mp4", baselineFile(i)));
        }
        return List.copyOf(command);
    }

    private static String baselineFile(int rendition) {
        return "baseline-" + rendition + ".mp4";
    }

    private static void printHeader(Instant started, int runs, int seconds, int smallSeconds, Path ffmpeg,
            String via) {
        OUT.println("Reelforge bench ingest, " + started.truncatedTo(ChronoUnit.SECONDS));
        OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s, %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(),
                RenderBenchmark.ffmpegVersion(ffmpeg), Machine.loadAverageText());
        OUT.printf(Locale.ROOT, "settings: --runs %d --seconds %d --small-seconds %d --via %s%n", runs, seconds,
                smallSeconds, via);
        OUT.println(via.equals("api")
                ? "pipeline = the Ingest API on the embedded stack: POST /ingest/stage/sources with the renditions (the"
                        + " source served on loopback) until GET shows every rendition ready: fetched through the"
                        + " guard, stored, probed, one MediaConvert job, its events;"
                : "pipeline = CreateJob (MediaConvertRenditionEncoder, SDK client) until its COMPLETE event, the local"
                        + " MediaConvert downloading the source from S3Proxy, encoding with one ffmpeg, uploading the"
                        + " files;");
        OUT.println("baseline = one ffmpeg process making the same files from the local source file.");
        OUT.println("Every ratio is against the baseline measured in this same run.");
    }

    private static void print(String title, Path ffmpeg, List<RenditionSpec> renditions, SourceMedia media,
            List<Round> rounds, List<Path> pipelineFiles, Path directory) {
        OUT.println();
        OUT.println("== " + title + " ==");
        boolean phased = rounds.stream().noneMatch(round -> Double.isNaN(round.phases().encoding()));
        OUT.printf(Locale.ROOT, "%-5s %-15s %10s %10s %8s %9s   %s%n", "run", "order", "pipeline", "baseline", "ratio",
                "load avg", phased ? "pipeline: before encoding + encoding (ffmpeg) + after encoding, s" : "");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            OUT.printf(Locale.ROOT, "%-5d %-15s %8.2f s %8.2f s %7.2fx %9.2f   %s%n", i + 1,
                    round.pipelineFirst() ? "pipeline first" : "baseline first", round.pipeline(), round.baseline(),
                    round.pipeline() / round.baseline(), round.load(), !phased ? "" : String.format(Locale.ROOT,
                            "%.2f + %.2f + %.2f", round.phases().beforeEncoding(), round.phases().encoding(),
                            round.phases().afterEncoding()));
        }
        double pipeline = RenderBenchmark.median(rounds.stream().map(Round::pipeline).toList());
        double baseline = RenderBenchmark.median(rounds.stream().map(Round::baseline).toList());
        OUT.printf(Locale.ROOT, "median of %d: pipeline %.2f s, baseline %.2f s, ratio %.2fx (pipeline/baseline),"
                + " %+.2f s%n", rounds.size(), pipeline, baseline, pipeline / baseline, pipeline - baseline);
        if (phased) {
            OUT.printf(Locale.ROOT, "median pipeline phases: %.2f s before encoding (start, S3 download, probe), %.2f s"
                        + " encoding (the job's ffmpeg; %.2fx the baseline's process), %.2f s after (S3 uploads,"
                        + " probing the files, the event)%n",
                RenderBenchmark.median(rounds.stream().map(round -> round.phases().beforeEncoding()).toList()),
                RenderBenchmark.median(rounds.stream().map(round -> round.phases().encoding()).toList()),
                RenderBenchmark.median(rounds.stream().map(round -> round.phases().encoding()).toList()) / baseline,
                RenderBenchmark.median(rounds.stream().map(round -> round.phases().afterEncoding()).toList()));
        }
        for (int i = 0; i < renditions.size(); i++) {
            Size frame = renditions.get(i).frameFor(media).orElseThrow();
            Path baselineFile = directory.resolve(baselineFile(i));
            RenderMedia ours = RenderMedia.inspect(ffmpeg, pipelineFiles.get(i));
            RenderMedia theirs = RenderMedia.inspect(ffmpeg, baselineFile);
            List<String> differences = ours.differencesFrom(theirs);
            OUT.printf(Locale.ROOT, "rendition %dx%d: SSIM %.4f against the baseline's; pipeline %s%n", frame.width(),
                    frame.height(), RenderMedia.ssim(ffmpeg, pipelineFiles.get(i), baselineFile), ours.describe());
            OUT.printf(Locale.ROOT, "  baseline %s%s%n", theirs.describe(),
                    differences.isEmpty() ? "" : "; differs in " + String.join(", ", differences));
        }
    }
}
