package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3HostingCopier;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.HostingCopier;
import dev.reelforge.local.CommandLine;
import dev.reelforge.local.EditApiClient;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * {@code reelforge bench hosting [--runs N] [--size-mb N] [--part copy]}: hosting against baselines measured in
 * the same run on the embedded stack.
 *
 * <p>Part {@code copy}: the copy throughput of a 1 GiB output (random bytes, uploaded to the temporary bucket
 * with a multipart upload as MediaConvert writes large outputs) by the promote function's copier
 * ({@link S3HostingCopier}, which copies an object of that size in parts) against one plain CopyObject of the
 * same object with the same SDK client, built as the functions build theirs. The two alternate, after one
 * unmeasured warm-up of each; every copy is checked for its size and deleted before the next. Medians in MB/s
 * (10^6 bytes per second) and the ratio copier/plain are printed. See docs/PERFORMANCE.md, "Hosting".
 *
 * <p>Part {@code ready}: seed 000's polling workflow timed. Renders of a short edit (video, poster, thumbnail)
 * are submitted one after another; the render is polled every 20 ms until {@code done}, then its assets until all
 * three are {@code ready}, and the time between is what the promotion adds after a user sees {@code done}
 * (0 when the copies were ready before). The baseline, measured right after each render, is copying the same three
 * outputs by hand with one CopyObject each, sequentially, with the functions' client: the work itself, without
 * events, the function, the asset records and the polling.
 */
public final class HostingBenchmark {

    /** The parts this command measures. */
    static final List<String> PARTS = List.of("copy", "ready");
    private static final String READY_EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hosted"}, "start": 0, "length": 4}]}]},
             "output": {"format": "mp4", "resolution": "sd", "poster": {"capture": 1}, "thumbnail": {"capture": 1, "scale": 0.25}}}
            """;

    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;
    private static final long MIB = 1024 * 1024;
    private static final String OWNER = "bench";

    private HostingBenchmark() {}

    /** One measured round: both copies, in the order they ran, in seconds. */
    private record Round(String order, double copier, double plain) {}

    public static int run(CommandLine options) {
        int runs = Machine.countOption(options, "runs", 3);
        long sizeMib = Machine.numberOption(options, "size-mb", 1024);
        String part = options.option("part").orElse("all");
        if (runs < 1 || sizeMib < 1 || !(part.equals("all") || PARTS.contains(part))) {
            System.err.println("usage: reelforge bench hosting [--runs N (3)] [--size-mb N (1024)] [--part all|copy|ready]"
                    + " [--data-dir DIR]");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        return Machine.measureInScratch(options, "hosting", (work, started) -> {
            PROGRESS.println("bench hosting: starting the embedded stack...");
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                    line -> {}))) {
                printHeader(started, runs, sizeMib);
                if (!part.equals("ready")) {
                    copyThroughput(stack, work, runs, sizeMib * MIB);
                }
                if (!part.equals("copy")) {
                    doneToReady(stack, runs);
                }
            }
        });
    }

    private static void printHeader(Instant started, int runs, long sizeMib) {
        OUT.println("Reelforge bench hosting, " + started.truncatedTo(ChronoUnit.SECONDS));
        OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(),
                Machine.loadAverageText());
        OUT.printf(Locale.ROOT, "settings: --runs %d --size-mb %d%n", runs, sizeMib);
        OUT.println("Every ratio is against the baseline measured in this same run.");
    }

    private static void copyThroughput(LocalStack stack, Path work, int runs, long size) throws IOException {
        S3Client s3 = functionsS3Client(stack);
        String tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        String hostingBucket = stack.function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
        S3HostingCopier copier = new S3HostingCopier(s3, hostingBucket);
        String source = "renders/" + OWNER + "/bench-source.mp4";
        PROGRESS.printf(Locale.ROOT, "bench hosting: writing %d MiB of random bytes and uploading them...%n",
                size / MIB);
        Path file = work.resolve("source.bin");
        writeRandom(file, size);
        uploadInParts(s3, tempBucket, source, file);
        Files.delete(file);
        try {
            PROGRESS.println("bench hosting: warm-up (copier, then plain), not measured...");
            double warmCopier = timeCopier(s3, copier, tempBucket, source, hostingBucket, size);
            double warmPlain = timePlain(s3, tempBucket, source, hostingBucket, size);
            List<Round> rounds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double copierSeconds;
                double plainSeconds;
                // The order flips every run, so that drift on a shared machine falls on both alike.
                if (run % 2 == 1) {
                    copierSeconds = timeCopier(s3, copier, tempBucket, source, hostingBucket, size);
                    plainSeconds = timePlain(s3, tempBucket, source, hostingBucket, size);
                } else {
                    plainSeconds = timePlain(s3, tempBucket, source, hostingBucket, size);
                    copierSeconds = timeCopier(s3, copier, tempBucket, source, hostingBucket, size);
                }
                Round round = new Round(run % 2 == 1 ? "copier, plain" : "plain, copier", copierSeconds, plainSeconds);
                rounds.add(round);
                PROGRESS.printf(Locale.ROOT, "  run %d of %d: copier %.2f s, plain %.2f s%n", run, runs,
                        copierSeconds, plainSeconds);
            }
            printCopy(rounds, size, warmCopier, warmPlain);
        } finally {
            s3.deleteObject(delete -> delete.bucket(tempBucket).key(source));
        }
    }

    private static void printCopy(List<Round> rounds, long size, double warmCopier, double warmPlain) {
        OUT.println();
        OUT.printf(Locale.ROOT, "== copy throughput: a %d MiB output, temporary bucket -> hosting bucket, S3Proxy ==%n",
                size / MIB);
        OUT.printf(Locale.ROOT, "copier: S3HostingCopier as the promote function runs it: multipart copy at >= %d MiB,"
                        + " parts of %d MiB, %d at once (%d parts here)%n",
                S3HostingCopier.Multipart.DEFAULT.threshold() / MIB, S3HostingCopier.Multipart.DEFAULT.partSize() / MIB,
                S3HostingCopier.Multipart.DEFAULT.parallelParts(),
                (size + S3HostingCopier.Multipart.DEFAULT.partSize() - 1) / S3HostingCopier.Multipart.DEFAULT.partSize());
        OUT.println("plain:  one CopyObject with the same client (URL-connection HTTP client, as the functions build it)");
        String header = String.format(Locale.ROOT, "%-8s %-15s %10s %10s %12s %12s %8s", "run", "order", "copier s",
                "plain s", "copier MB/s", "plain MB/s", "ratio");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        OUT.printf(Locale.ROOT, "%-8s %-15s %10.2f %10.2f %12.0f %12.0f %8s%n", "warm-up", "copier, plain", warmCopier,
                warmPlain, size / 1e6 / warmCopier, size / 1e6 / warmPlain, ratio(warmPlain / warmCopier));
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            OUT.printf(Locale.ROOT, "%-8d %-15s %10.2f %10.2f %12.0f %12.0f %8s%n", i + 1, round.order(),
                    round.copier(), round.plain(), size / 1e6 / round.copier(), size / 1e6 / round.plain(),
                    ratio(round.plain() / round.copier()));
        }
        double copier = RenderBenchmark.median(rounds.stream().map(Round::copier).toList());
        double plain = RenderBenchmark.median(rounds.stream().map(Round::plain).toList());
        OUT.printf(Locale.ROOT, "%-24s %10.2f %10.2f %12.0f %12.0f %8s%n", "median of " + rounds.size() + " runs",
                copier, plain, size / 1e6 / copier, size / 1e6 / plain, ratio(plain / copier));
        OUT.println("ratio = copier throughput / plain CopyObject throughput (above 1: the copier is faster)");
    }

    /** One render of part "ready": seconds from done seen to all assets ready seen, and of the baseline copies. */
    private record Promotion(double afterDone, double plainCopies) {}

    private static void doneToReady(LocalStack stack, int runs) {
        S3Client s3 = functionsS3Client(stack);
        String tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        String hostingBucket = stack.function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
        EditApiClient api = EditApiClient.of(stack.descriptor(), Environment.STAGE);
        String owner = stack.descriptor().owner();
        PROGRESS.println("bench hosting: a render to warm up, not measured...");
        Promotion warm = promotion(api, s3, owner, tempBucket, hostingBucket);
        List<Promotion> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Promotion promotion = promotion(api, s3, owner, tempBucket, hostingBucket);
            measured.add(promotion);
            PROGRESS.printf(Locale.ROOT, "  run %d of %d: ready %.3f s after done; plain copies %.3f s%n", run, runs,
                    promotion.afterDone(), promotion.plainCopies());
        }
        OUT.println();
        OUT.println("== done to ready: a 4 s sd render's video, poster and thumbnail hosted, polled every 20 ms ==");
        OUT.println("after done: from the poll that saw the render done to the poll that saw its 3 assets ready");
        OUT.println("baseline:   the same 3 outputs copied by hand, one CopyObject each, the functions' client");
        String header = String.format(Locale.ROOT, "%-24s %14s %14s", "run", "after done s", "baseline s");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        OUT.printf(Locale.ROOT, "%-24s %14.3f %14.3f%n", "warm-up", warm.afterDone(), warm.plainCopies());
        for (int i = 0; i < measured.size(); i++) {
            OUT.printf(Locale.ROOT, "%-24d %14.3f %14.3f%n", i + 1, measured.get(i).afterDone(),
                    measured.get(i).plainCopies());
        }
        double afterDone = RenderBenchmark.median(measured.stream().map(Promotion::afterDone).toList());
        double plain = RenderBenchmark.median(measured.stream().map(Promotion::plainCopies).toList());
        OUT.printf(Locale.ROOT, "%-24s %14.3f %14.3f%n", "median of " + measured.size() + " runs", afterDone, plain);
        OUT.printf(Locale.ROOT, "ratio (after done / baseline, medians): %s%n", ratio(afterDone / plain));
    }

    private static Promotion promotion(EditApiClient api, S3Client s3, String owner, String tempBucket,
            String hostingBucket) {
        String id = api.submit(READY_EDIT);
        JsonNode render = api.awaitFinished(id, Duration.ofMinutes(5), Duration.ofMillis(20), seen -> {});
        long doneAt = System.nanoTime();
        if (!render.path("status").asText().equals("done")) {
            throw new IllegalStateException("render " + id + " failed: " + render.path("error").asText());
        }
        api.awaitAssets(id, 3, Duration.ofMinutes(2), Duration.ofMillis(20));
        double afterDone = (System.nanoTime() - doneAt) / 1e9;
        String base = "renders/" + owner + "/" + id;
        List<String> outputs = List.of(base + ".mp4", base + "-poster.0000001.jpg", base + "-thumb.0000001.jpg");
        long start = System.nanoTime();
        for (String output : outputs) {
            s3.copyObject(copy -> copy.sourceBucket(tempBucket).sourceKey(output).destinationBucket(hostingBucket)
                    .destinationKey(OWNER + "/" + output.substring(output.lastIndexOf('/') + 1)));
        }
        double plainCopies = (System.nanoTime() - start) / 1e9;
        for (String output : outputs) {
            s3.deleteObject(delete -> delete.bucket(hostingBucket)
                    .key(OWNER + "/" + output.substring(output.lastIndexOf('/') + 1)));
        }
        return new Promotion(afterDone, plainCopies);
    }

    private static S3Client functionsS3Client(LocalStack stack) {
        return S3Buckets.client(new FunctionEnvironment(Map.of("AWS_REGION", StackIdentity.LOCAL.region(),
                "AWS_ENDPOINT_URL_S3", stack.services().endpoints().s3().toString()), Clock.systemUTC()));
    }

    private static double timeCopier(S3Client s3, HostingCopier copier, String tempBucket, String source,
            String hostingBucket, long size) {
        String filename = "copier-" + System.nanoTime() + ".mp4";
        long start = System.nanoTime();
        HostingCopier.CopyOutcome outcome = copier.copy(tempBucket, source, OWNER, filename);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(outcome instanceof HostingCopier.CopyOutcome.Copied)) {
            throw new IllegalStateException("the copier did not copy: " + outcome);
        }
        checkAndDelete(s3, hostingBucket, OWNER + "/" + filename, size);
        return seconds;
    }

    private static double timePlain(S3Client s3, String tempBucket, String source, String hostingBucket, long size) {
        String key = OWNER + "/plain-" + System.nanoTime() + ".mp4";
        long start = System.nanoTime();
        s3.copyObject(copy -> copy.sourceBucket(tempBucket).sourceKey(source)
                .destinationBucket(hostingBucket).destinationKey(key));
        double seconds = (System.nanoTime() - start) / 1e9;
        checkAndDelete(s3, hostingBucket, key, size);
        return seconds;
    }

    private static void checkAndDelete(S3Client s3, String bucket, String key, long size) {
        long copied = s3.headObject(head -> head.bucket(bucket).key(key)).contentLength();
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
        if (copied != size) {
            throw new IllegalStateException(key + " has " + copied + " bytes, not " + size);
        }
    }

    /** Incompressible bytes, as video is; a fast generator, so that writing 1 GiB takes seconds. */
    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(20261122);
        byte[] block = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /** A multipart upload in parts of 64 MiB, as MediaConvert writes a large output. */
    private static void uploadInParts(S3Client s3, String bucket, String key, Path file) throws IOException {
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key).contentType("video/mp4"))
                .uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[(int) (64 * MIB)];
        try (InputStream in = Files.newInputStream(file)) {
            int partNumber = 1;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                int number = partNumber++;
                String eTag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(Arrays.copyOf(buffer, read))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
        }
        s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
