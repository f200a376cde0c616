package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbDownloadables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.ExpireDueVideosCommand;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.local.CommandLine;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code reelforge bench videos [--runs N] [--seconds N] [--part all|downloads|sweep]}: the Videos API against
 * baselines measured in the same run on one embedded stack.
 *
 * <p>Part {@code sweep} (seed 003): the expiration sweep over 10,000 videos with 100 due against reading those 100
 * by key, and against a scan ({@link ExpirationSweepBenchmark}).
 *
 * <p>Part {@code downloads} (seed 001): a 720p H.264/AAC MP4 of {@code --seconds} made with ffmpeg is hosted as a
 * render's video would be (in the hosting bucket, its asset ready), once per run. Each run asks for its MP4 and its
 * FLV through HTTP with a bearer token ({@code POST /videos/{id}/downloadable/{format}}), polls {@code GET} every
 * 20 ms until {@code available}, and counts from before the POST to the poll that saw it available. Baselines, right
 * after: for the MP4 one plain {@code CopyObject} of the same hosted object into the temporary bucket with the
 * functions' S3 client; for the FLV the bundled ffmpeg doing the same remux ({@code -c copy}, keyframe index) of the
 * same file on local disk. The order of MP4 and FLV flips every run; one unmeasured warm-up run first. Also shown,
 * to tell where the time goes: the record's {@code requested} to {@code availableAt} (the stream's delivery and the
 * maker) and the maker function's own time, from its log. See docs/PERFORMANCE.md, "Videos".
 */
public final class VideosBenchmark {

    /** The parts this command measures. */
    static final List<String> PARTS = List.of("downloads", "sweep");

    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Environment ENVIRONMENT = Environment.STAGE;

    private VideosBenchmark() {}

    /**
     * One measured download, in seconds: from before the POST to available seen; the record's requested to
     * availableAt (the stream's delivery and the maker); the maker function's own time (its log's
     * {@code DownloadPrepareDuration}); the baseline's.
     */
    private record Measured(double endToEnd, double flow, double maker, double baseline) {}

    /** One run: both formats, in the order they ran. */
    private record Round(String order, Measured mp4, Measured flv) {}

    public static int run(CommandLine options) {
        int runs = Machine.countOption(options, "runs", 5);
        int seconds = Machine.countOption(options, "seconds", 60);
        String part = options.option("part").orElse("all");
        if (runs < 1 || seconds < 1 || !(part.equals("all") || PARTS.contains(part))) {
            System.err.println("usage: reelforge bench videos [--runs N (5)] [--seconds N (60)] [--part all|downloads|sweep]"
                    + " [--data-dir DIR]");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        return Machine.measureInScratch(options, "videos", (work, started) -> {
            PROGRESS.println("bench videos: starting the embedded stack...");
            MakerTimes makerTimes = new MakerTimes();
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                    makerTimes::accept))) {
                printHeader(started, runs, seconds);
                if (!part.equals("sweep")) {
                    downloads(stack, work, runs, seconds, makerTimes);
                }
                if (!part.equals("downloads")) {
                    printSweep(ExpirationSweepBenchmark.measure(stack, runs, PROGRESS));
                }
            }
        });
    }

    private static void printHeader(Instant started, int runs, int seconds) {
        OUT.println("Reelforge bench videos, " + started.truncatedTo(ChronoUnit.SECONDS));
        OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(),
                Machine.loadAverageText());
        OUT.printf(Locale.ROOT, "settings: --runs %d --seconds %d%n", runs, seconds);
        OUT.println("Every ratio is against the baseline measured in this same run.");
    }

    private static void downloads(LocalStack stack, Path work, int runs, int seconds, MakerTimes makerTimes)
            throws Exception {
        PROGRESS.printf(Locale.ROOT, "bench videos: making a %d s 720p H.264/AAC MP4 with ffmpeg...%n", seconds);
        Path video = new SampleMedia(stack.ffmpeg(), work.resolve("media"))
                .video("bench-" + seconds + "s.mp4", 1280, 720, seconds, 440);
        Videos videos = new Videos(stack, video, makerTimes);
        PROGRESS.println("bench videos: a warm-up run (MP4, then FLV), not measured...");
        Round warm = round(videos, work, "mp4, flv", true);
        List<Round> rounds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // The order flips every run, so that drift on a shared machine falls on both alike.
            boolean mp4First = run % 2 == 0;
            Round round = round(videos, work, mp4First ? "mp4, flv" : "flv, mp4", mp4First);
            rounds.add(round);
            PROGRESS.printf(Locale.ROOT, "  run %d of %d: mp4 %.3f s (copy %.3f s), flv %.3f s (ffmpeg %.3f s)%n",
                    run, runs, round.mp4().endToEnd(), round.mp4().baseline(), round.flv().endToEnd(),
                    round.flv().baseline());
        }
        printDownloads(warm, rounds, Files.size(video), seconds);
    }

    private static Round round(Videos videos, Path work, String order, boolean mp4First) throws Exception {
        String id = videos.host();
        Measured mp4;
        Measured flv;
        if (mp4First) {
            mp4 = videos.download(id, DownloadFormat.MP4);
            flv = videos.download(id, DownloadFormat.FLV);
        } else {
            flv = videos.download(id, DownloadFormat.FLV);
            mp4 = videos.download(id, DownloadFormat.MP4);
        }
        mp4 = new Measured(mp4.endToEnd(), mp4.flow(), mp4.maker(), videos.plainCopy());
        flv = new Measured(flv.endToEnd(), flv.flow(), flv.maker(), videos.bareRemux(work));
        return new Round(order, mp4, flv);
    }

    private static void printDownloads(Round warm, List<Round> rounds, long bytes, int seconds) {
        OUT.println();
        OUT.printf(Locale.ROOT, "== downloads: POST -> available, a %d s 720p video (%.1f MB), polled every %d ms ==%n",
                seconds, bytes / 1e6, POLL.toMillis());
        OUT.println("e2e:  from before POST /videos/{id}/downloadable/{format} to the GET that saw it available");
        OUT.println("flow: the record's requested to availableAt (the stream's delivery, then the maker)");
        OUT.println("maker: the maker function's own time (reading the records, the copy or remux, signing, marking)");
        OUT.println("mp4 baseline: one plain CopyObject of the hosted file into the temporary bucket (functions' client)");
        OUT.println("flv baseline: bare ffmpeg doing the same remux (-c copy, keyframe index) of the file on local disk");
        String header = String.format(Locale.ROOT, "%-8s %-9s %8s %8s %8s %8s %7s %8s %8s %8s %8s %7s", "run",
                "order", "mp4 e2e", "flow", "maker", "copy", "ratio", "flv e2e", "flow", "maker", "ffmpeg", "ratio");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        printRow("warm-up", warm);
        for (int i = 0; i < rounds.size(); i++) {
            printRow(Integer.toString(i + 1), rounds.get(i));
        }
        Round median = new Round("", median(rounds, true), median(rounds, false));
        printRow("median", median);
        OUT.println("ratio = e2e / baseline (medians: median e2e / median baseline); times in seconds");
    }

    private static void printSweep(List<ExpirationSweepBenchmark.Round> rounds) {
        OUT.println();
        OUT.println("== expiration sweep: 10,000 videos, 100 due (4,950 more in the index, due later; 4,950 never) ==");
        OUT.println("sweep: ExpireVideosFunction's use case as it runs (" + ExpireDueVideosCommand.DEFAULT_PARALLELISM
                + " videos at once): the due ones from the sparse index,");
        OUT.println("       each claimed, its asset deleted as the Serve API deletes one, then taken out of the index");
        OUT.println("1-by-1: the same sweep, one video after the other, over 100 other due videos");
        OUT.println("find: the index query alone; scan: one paginated Scan of the table filtered to the due ones");
        OUT.println("key reads: the 100 due videos read by key, one GetItem each (the baseline)");
        String header = String.format(Locale.ROOT, "%-8s %9s %9s %9s %9s %9s %12s %12s %11s", "run", "sweep",
                "1-by-1", "find", "scan", "key reads", "sweep/reads", "1-by-1/reads", "scan/find");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        for (int i = 0; i < rounds.size(); i++) {
            printSweepRow(Integer.toString(i + 1), rounds.get(i));
        }
        printSweepRow("median", new ExpirationSweepBenchmark.Round(
                RenderBenchmark.median(rounds.stream().map(ExpirationSweepBenchmark.Round::sweep).toList()),
                RenderBenchmark.median(rounds.stream().map(ExpirationSweepBenchmark.Round::sequentialSweep).toList()),
                RenderBenchmark.median(rounds.stream().map(ExpirationSweepBenchmark.Round::find).toList()),
                RenderBenchmark.median(rounds.stream().map(ExpirationSweepBenchmark.Round::keyReads).toList()),
                RenderBenchmark.median(rounds.stream().map(ExpirationSweepBenchmark.Round::scan).toList())));
        OUT.println("times in milliseconds; ratios within a round (medians: of the medians)");
    }

    private static void printSweepRow(String label, ExpirationSweepBenchmark.Round round) {
        OUT.printf(Locale.ROOT, "%-8s %9.1f %9.1f %9.1f %9.1f %9.1f %11.2fx %11.2fx %10.2fx%n", label, round.sweep(),
                round.sequentialSweep(), round.find(), round.scan(), round.keyReads(), round.sweep() / round.keyReads(),
                round.sequentialSweep() / round.keyReads(), round.scan() / round.find());
    }

    private static Measured median(List<Round> rounds, boolean mp4) {
        List<Measured> measured = rounds.stream().map(round -> mp4 ? round.mp4() : round.flv()).toList();
        return new Measured(RenderBenchmark.median(measured.stream().map(Measured::endToEnd).toList()),
                RenderBenchmark.median(measured.stream().map(Measured::flow).toList()),
                RenderBenchmark.median(measured.stream().map(Measured::maker).toList()),
                RenderBenchmark.median(measured.stream().map(Measured::baseline).toList()));
    }

    private static void printRow(String label, Round round) {
        OUT.printf(Locale.ROOT, "%-8s %-9s %8.3f %8.3f %8.3f %8.3f %6.2fx %8.3f %8.3f %8.3f %8.3f %6.2fx%n", label,
                round.order(), round.mp4().endToEnd(), round.mp4().flow(), round.mp4().maker(), round.mp4().baseline(),
                round.mp4().endToEnd() / round.mp4().baseline(), round.flv().endToEnd(), round.flv().flow(),
                round.flv().maker(), round.flv().baseline(), round.flv().endToEnd() / round.flv().baseline());
    }

    /**
     * The makers' own times, read from the stack's log as they write it: the {@code download.prepared} line of a file
     * made carries the metric {@code DownloadPrepareDuration} with the video (as {@code assetId}) and the format.
     */
    private static final class MakerTimes {

        private final Map<String, Long> millis = new ConcurrentHashMap<>();

        void accept(String line) {
            if (!line.contains("\"download.prepared\"") || !line.contains("DownloadPrepareDuration")) {
                return;
            }
            try {
                JsonNode json = Json.MAPPER.readTree(line);
                millis.put(json.path("assetId").asText() + "/" + json.path("format").asText(),
                        json.path("DownloadPrepareDuration").asLong());
            } catch (IOException notJson) {
                // the stack's own lines are not the makers'
            }
        }

        /** Seconds; the line comes out just after the record became available, so it may take a moment. */
        double await(String videoId, DownloadFormat format) throws InterruptedException {
            String key = videoId + "/" + format.wireName();
            for (int attempt = 0; attempt < 500 && !millis.containsKey(key); attempt++) {
                Thread.sleep(10);
            }
            Long found = millis.get(key);
            return found == null ? Double.NaN : found / 1000.0;
        }
    }

    /** The stack's videos, its IBM API as a client calls it, and the baselines' tools. */
    private static final class Videos {

        private final LocalStack stack;
        private final Path file;
        private final S3Client s3;
        private final String hostingBucket;
        private final String tempBucket;
        private final DynamoDbAssets assets;
        private final DynamoDbDownloadables downloadables;
        private final String owner;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final MakerTimes makerTimes;
        private String token;
        private String lastHosted;

        Videos(LocalStack stack, Path file, MakerTimes makerTimes) {
            this.stack = stack;
            this.file = file;
            this.makerTimes = makerTimes;
            this.s3 = S3Buckets.client(new FunctionEnvironment(Map.of("AWS_REGION", StackIdentity.LOCAL.region(),
                    "AWS_ENDPOINT_URL_S3", stack.services().endpoints().s3().toString()), Clock.systemUTC()));
            this.hostingBucket = stack.function("PrepareMp4DownloadFunction").definition().environment()
                    .get("HOSTING_BUCKET");
            this.tempBucket = stack.function("PrepareMp4DownloadFunction").definition().environment().get("TEMP_BUCKET");
            this.assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
            this.downloadables = new DynamoDbDownloadables(stack.services().dynamoDb(),
                    stack.tableName("DownloadablesTable"));
            this.owner = stack.descriptor().owner();
        }

        /** Hosts the file as a new render's video (its MP4 in the hosting bucket, its asset ready); its id. */
        String host() {
            UUID render = UUID.randomUUID();
            Asset asset = Asset.importing(owner, ENVIRONMENT, StackIdentity.LOCAL.region(), render, render + ".mp4",
                    stack.clock().instant());
            assets.begin(asset);
            lastHosted = S3HostedFiles.key(owner, asset.filename());
            s3.putObject(put -> put.bucket(hostingBucket).key(lastHosted).contentType("video/mp4"),
                    RequestBody.fromFile(file));
            assets.markReady(owner, asset.id(), "https://cdn.reelforge.bench/" + lastHosted, stack.clock().instant());
            return asset.id().toString();
        }

        /** POST, then GET every 20 ms until available. */
        Measured download(String videoId, DownloadFormat format) throws Exception {
            String path = "/videos/" + videoId + "/downloadable/" + format.wireName() + ".json";
            long start = System.nanoTime();
            JsonNode answer = call("POST", path);
            Instant deadline = Instant.now().plus(DOWNLOAD_TIMEOUT);
            while (!answer.at("/downloadable/status").asText().equals("available")) {
                if (!answer.at("/downloadable/status").asText().equals("pending") || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(format.wireName() + " of " + videoId + " did not become available: "
                            + answer);
                }
                Thread.sleep(POLL.toMillis());
                answer = call("GET", path);
            }
            double endToEnd = (System.nanoTime() - start) / 1e9;
            Downloadable record = downloadables.find(new DownloadableKey(owner, UUID.fromString(videoId), format))
                    .orElseThrow();
            double flow = Duration.between(record.requested(), record.availableAt().orElseThrow()).toNanos() / 1e9;
            s3.deleteObject(delete -> delete.bucket(tempBucket).key(record.objectKey()));
            return new Measured(endToEnd, flow, makerTimes.await(videoId, format), Double.NaN);
        }

        /** One plain CopyObject of the last hosted file into the temporary bucket. */
        double plainCopy() {
            String key = "renders/" + owner + "/bench/plain-" + System.nanoTime() + ".mp4";
            long start = System.nanoTime();
            s3.copyObject(copy -> copy.sourceBucket(hostingBucket).sourceKey(lastHosted)
                    .destinationBucket(tempBucket).destinationKey(key));
            double seconds = (System.nanoTime() - start) / 1e9;
            s3.deleteObject(delete -> delete.bucket(tempBucket).key(key));
            return seconds;
        }

        /** The bundled ffmpeg remuxing the local file into an FLV, as the FLV maker has it do. */
        double bareRemux(Path work) throws Exception {
            Path flv = work.resolve("bare-" + System.nanoTime() + ".flv");
            List<String> command = List.of(stack.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y", "-v", "error",
                    "-i", "file:" + file.toAbsolutePath(), "-map", "0:v:0", "-c:v", "copy", "-map", "0:a:0",
                    "-c:a", "copy", "-flvflags", "add_keyframe_index", "-f", "flv", "file:" + flv.toAbsolutePath());
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not remux " + file);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.deleteIfExists(flv);
            return seconds;
        }

        private JsonNode call(String method, String path) throws IOException, InterruptedException {
            HttpResponse<String> response = send(method, path);
            if (response.statusCode() == 401) {
                token = null;
                response = send(method, path);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return Json.MAPPER.readTree(response.body());
        }

        private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                    .header("Authorization", "Bearer " + token())
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        /** The development account's stage client's access token, taken as IBM's clients take it. */
        private String token() throws IOException, InterruptedException {
            if (token == null) {
                LocalDescriptor.IbmClient client = stack.descriptor().ibmClient(ENVIRONMENT)
                        .orElseThrow(() -> new IllegalStateException("local.json has no IBM client"));
                String form = "grant_type=client_credentials&client_id="
                        + URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl()
                                + "/oauth2/token"))
                        .header("Authorization", "Basic " + client.clientSecret())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("POST /oauth2/token answered " + response.statusCode());
                }
                token = Json.MAPPER.readTree(response.body()).path("access_token").asText();
            }
            return token;
        }
    }
}
