package dev.reelforge.local.bench;

import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.ExpireDueVideos;
import dev.reelforge.core.video.ExpireDueVideosCommand;
import dev.reelforge.core.video.ExpireDueVideosResult;
import dev.reelforge.core.video.Video;
import dev.reelforge.core.video.Videos;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Part {@code sweep} of {@code reelforge bench videos}: the expiration sweep ({@link ExpireDueVideos}, as
 * ExpireVideosFunction runs it every minute) over a videos table of 10,000 videos of which 100 are due, against
 * reading those 100 videos by key, the least the sweep must do to learn of them; and, to show what the sparse index
 * saves, finding them by the index against one scan of the table that finds them by a filter. The sweep is timed as
 * ExpireVideosFunction runs it (several videos at once) and one video after the other. Half of the other videos are in the index too,
 * due later (the case least favourable to the index: most of it is not due), half never expire.
 *
 * <p>The bench's videos expire ten years ahead of the stack's clock, so the stack's own sweep (every minute) never
 * touches them; the measured sweep runs with a clock at that time. Every round adds 100 new due videos, each with a
 * ready asset so that the sweep deletes it for real (the asset deleted as the Serve API deletes one); their renders
 * do not exist, so no callback is sent (as for a render that asked for none).
 */
final class ExpirationSweepBenchmark {

    private static final String OWNER = "bench-sweep";
    private static final int VIDEOS = 10_000;
    private static final int DUE = 100;
    private static final Duration AHEAD = Duration.ofDays(3650);

    /**
     * One measured round, in milliseconds: the sweep as the function runs it ({@code parallelism} videos at once) and
     * one video after the other, each over 100 due videos of its own; finding them alone (the index query); the
     * baseline, reading 100 due videos by key; and a scan of the table.
     */
    record Round(double sweep, double sequentialSweep, double find, double keyReads, double scan) {}

    private final DynamoDbClient dynamoDb;
    private final String videosTable;
    private final Videos videos;
    private final Assets assets;
    private final DynamoDbTables tables;
    private final FunctionEnvironment environment;
    private final Instant stackNow;
    private final Instant sweepAt;

    private ExpirationSweepBenchmark(LocalStack stack) {
        this.dynamoDb = stack.services().dynamoDb();
        this.videosTable = stack.tableName("VideosTable");
        this.environment = new FunctionEnvironment(Map.of(
                "AWS_REGION", StackIdentity.LOCAL.region(),
                "AWS_ENDPOINT_URL_SQS", stack.services().endpoints().sqs().toString(),
                "VIDEOS_TABLE", videosTable,
                "ASSETS_TABLE", stack.tableName("AssetsTable"),
                "RENDERS_TABLE", stack.tableName("RendersTable"),
                "DELIVERIES_TABLE", stack.tableName("DeliveriesTable"),
                "CALLBACKS_QUEUE_URL", stack.queueUrl("CallbacksQueue"),
                "CALLBACKS_DEAD_LETTER_QUEUE_URL", stack.queueUrl("CallbacksDeadLetterQueue"),
                "CALLBACKS_QUEUE_LONGEST_DELAY", "PT15M"), Clock.systemUTC());
        this.tables = new DynamoDbTables(dynamoDb, environment);
        this.videos = tables.videos();
        this.assets = tables.assets();
        this.stackNow = stack.clock().instant();
        this.sweepAt = stackNow.plus(AHEAD);
    }

    static List<Round> measure(LocalStack stack, int runs, PrintStream progress) {
        ExpirationSweepBenchmark bench = new ExpirationSweepBenchmark(stack);
        progress.printf(Locale.ROOT, "bench videos sweep: writing %,d videos ...%n", VIDEOS - DUE);
        bench.addBackground();
        Clock sweepClock = Clock.fixed(bench.sweepAt, ZoneOffset.UTC);
        ExpireDueVideos sweep = new ExpireDueVideos(bench.videos, bench.assets, new DispatchCallback(
                bench.tables.renders(), bench.assets, bench.tables.deliveries(), SqsCallbackQueue.of(bench.environment),
                sweepClock), sweepClock);
        List<Round> rounds = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            List<UUID> due = bench.addDue();
            long start = System.nanoTime();
            for (UUID id : due) {
                bench.videos.find(id).orElseThrow();
            }
            double keyReads = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int found = bench.videos.dueBy(bench.sweepAt, ExpireDueVideosCommand.DEFAULT_LIMIT).size();
            double find = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int scanned = bench.scanForDue();
            double scan = (System.nanoTime() - start) / 1e6;
            if (found != DUE || scanned != DUE) {
                throw new IllegalStateException("the index found " + found + ", the scan " + scanned + "; expected " + DUE);
            }
            double sequential = bench.timeSweep(sweep, due, 1);
            double parallel = bench.timeSweep(sweep, bench.addDue(), ExpireDueVideosCommand.DEFAULT_PARALLELISM);
            if (run > 0) { // the first round warms the clients and DynamoDB Local up
                rounds.add(new Round(parallel, sequential, find, keyReads, scan));
            }
            progress.printf(Locale.ROOT, "  round %d: sweep %.0f ms (one at a time %.0f ms), finding them %.0f ms,"
                    + " 100 key reads %.0f ms, scan %.0f ms%n", run, parallel, sequential, find, keyReads, scan);
        }
        return rounds;
    }

    /** Sweeps the due videos (exactly {@code due}, which it checks), returning the time it took. */
    private double timeSweep(ExpireDueVideos sweep, List<UUID> due, int parallelism) {
        long start = System.nanoTime();
        ExpireDueVideosResult result = sweep.expire(
                new ExpireDueVideosCommand(ExpireDueVideosCommand.DEFAULT_LIMIT, parallelism));
        double millis = (System.nanoTime() - start) / 1e6;
        if (!new HashSet<>(result.expired()).equals(new HashSet<>(due)) || !result.failed().isEmpty()) {
            throw new IllegalStateException("the sweep expired " + result.expired().size() + " (failed "
                    + result.failed().size() + "); expected the " + DUE + " due");
        }
        for (UUID id : due) {
            if (assets.find(OWNER, id).map(asset -> asset.status().wireName()).filter("deleted"::equals).isEmpty()) {
                throw new IllegalStateException("the sweep left the asset of video " + id + " undeleted");
            }
        }
        return millis;
    }

    /** The videos that are not due: half expiring later (in the index), half never. */
    private void addBackground() {
        parallel(VIDEOS - DUE, i -> {
            Video video = video(UUID.randomUUID(), UUID.randomUUID());
            videos.add(video);
            if (i % 2 == 0) {
                videos.setExpiration(video.id(), OWNER,
                        new ExpirationRule.AtGivenTime(sweepAt.plus(Duration.ofDays(1 + i % 300))), stackNow);
            }
            return video.id();
        });
    }

    /** 100 due videos, each with a ready asset. */
    private List<UUID> addDue() {
        return parallel(DUE, i -> {
            UUID renderId = UUID.randomUUID();
            Asset asset = Asset.importing(OWNER, Environment.STAGE, StackIdentity.LOCAL.region(), renderId,
                    renderId + ".mp4", stackNow);
            assets.begin(asset);
            assets.markReady(OWNER, asset.id(), "http://127.0.0.1/" + OWNER + "/" + asset.filename(), stackNow);
            videos.add(video(asset.id(), renderId));
            videos.setExpiration(asset.id(), OWNER,
                    new ExpirationRule.AtGivenTime(sweepAt.minus(Duration.ofMinutes(1 + i % 50))), stackNow);
            return asset.id();
        });
    }

    private Video video(UUID id, UUID renderId) {
        return Video.hosted(id, OWNER, Environment.STAGE, renderId, renderId + ".mp4",
                "http://127.0.0.1/" + OWNER + "/" + renderId + ".mp4", 1_000_000, Optional.of("10"), stackNow);
    }

    /** What a sweep without the index would do: read the whole table, keeping the due videos. */
    private int scanForDue() {
        return dynamoDb.scanPaginator(ScanRequest.builder().tableName(videosTable)
                        .filterExpression("attribute_exists(#expiring) AND #expiresAt <= :now") // the index's key
                        .expressionAttributeNames(Map.of("#expiring", "expiring", "#expiresAt", "expiresAt"))
                        .expressionAttributeValues(Map.of(":now",
                                AttributeValue.fromN(Long.toString(sweepAt.getEpochSecond()))))
                        .build())
                .items().stream().mapToInt(item -> 1).sum();
    }

    private interface Write {
        UUID apply(int index);
    }

    private static List<UUID> parallel(int count, Write write) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> writes = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> write.apply(i)))
                    .toList();
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> written : writes) {
                ids.add(written.get());
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("writing the bench's videos failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
