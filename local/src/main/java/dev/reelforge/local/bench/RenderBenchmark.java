package dev.reelforge.local.bench;

import dev.reelforge.local.CommandLine;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.LocalTemplate;
import dev.reelforge.local.bench.RenderPipeline.Point;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * {@code reelforge bench render [--edit NAME] [--runs N] [--data-dir DIR]}: 30-second 720p edits rendered through the
 * whole embedded stack (API, stream, render worker composing an intermediate with ffmpeg, S3, MediaConvert
 * emulator encoding it with ffmpeg, events back to the API), from submit to {@code done} as a user polling
 * every 200 ms sees it, against a baseline measured in the same run: one hand-written ffmpeg command making
 * the same composition from the same local files straight into a final MP4 of the same settings. Pipeline
 * and baseline alternate, after one unmeasured warm-up of each; medians are reported, with the ratio
 * pipeline/baseline and the pipeline's realtime factor. Targets (ratio at most 1.3, at least 2x realtime; issue
 * 15's ratio at most 1.15 with an SSIM against the baseline of at least 0.98 and the same streams and duration)
 * are printed as met or not, never turned into a failure. See docs/PERFORMANCE.md, "Render pipeline".
 */
public final class RenderBenchmark {

    static final double RATIO_TARGET = 1.3;
    static final double REALTIME_TARGET = 2.0;
    /** Issue 15: every edit within this of bare ffmpeg, with the output held to {@link #SSIM_TARGET}. */
    static final double CLOSE_RATIO_TARGET = 1.15;
    static final double SSIM_TARGET = 0.98;

    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;

    private RenderBenchmark() {}

    /** What one edit measured: the median ratio, the SSIM, whether streams and lengths agreed. */
    private record Outcome(double ratio, double ssim, boolean sameStreams) {

        boolean meetsCloseTarget() {
            return Math.round(ratio * 100) <= Math.round(CLOSE_RATIO_TARGET * 100) && ssim >= SSIM_TARGET
                    && sameStreams;
        }
    }

    /** One measured round: both runs, in the order they ran. */
    private record Round(String order, RenderPipeline.Result pipeline, RenderBaseline.Result baseline,
            double loadBefore) {}

    public static int run(CommandLine options) {
        String edit = options.option("edit").orElse("all");
        List<RenderScenario> scenarios = RenderScenario.all().stream()
                .filter(scenario -> edit.equals("all") || scenario.name().equals(edit)).toList();
        if (options.positional().size() != 1 || !options.positional().getFirst().equals("render")
                || scenarios.isEmpty()) {
            System.err.println("usage: reelforge bench render [--edit all|" + String.join("|",
                    RenderScenario.all().stream().map(RenderScenario::name).toList()) + " (all)] [--runs N (3)]"
                    + " [--warmup N (1)] [--poll-ms N (200)] [--chunk-seconds N (0)] [--data-dir DIR]");
            return 2;
        }
        int runs = Machine.countOption(options, "runs", 3);
        int warmup = Machine.countOption(options, "warmup", 1);
        int pollMillis = Machine.countOption(options, "poll-ms",
                (int) RenderPipeline.DEFAULT_POLL.toMillis());
        if (runs < 1 || warmup < 1 || pollMillis < 1) {
            System.err.println("bench: --runs, --warmup and --poll-ms must be positive numbers");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        // as AWS composes long videos: in chunks, stored, then joined by the job (sequentially on one machine)
        Map<String, String> chunking = options.option("chunk-seconds")
                .map(seconds -> Map.of(LocalTemplate.CHUNK_SECONDS, seconds)).orElse(Map.of());
        return Machine.measureInScratch(options, "render", (work, started) -> {
            PROGRESS.println("bench render: starting the embedded stack...");
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                    line -> {}, true, Optional.empty(), chunking));
                    LoopbackFileServer files = LoopbackFileServer.serve(work.resolve("media"))) {
                Path ffmpeg = stack.ffmpeg();
                RenderPipeline pipeline = new RenderPipeline(stack, Duration.ofMillis(pollMillis));
                printHeader(started, runs, warmup, pollMillis, ffmpeg);
                Map<String, Outcome> outcomes = new LinkedHashMap<>();
                for (RenderScenario scenario : scenarios) {
                    outcomes.put(scenario.name(), measure(scenario, work, files, ffmpeg, pipeline, runs, warmup));
                }
                if (outcomes.size() > 1) {
                    OUT.println();
                    OUT.printf(Locale.ROOT, "== every edit: median pipeline/baseline, SSIM, target <= %.2fx"
                            + " with SSIM >= %.2f ==%n", CLOSE_RATIO_TARGET, SSIM_TARGET);
                    outcomes.forEach((name, outcome) -> OUT.printf(Locale.ROOT, "%-14s %s  SSIM %.4f  %s%n", name,
                            ratio(outcome.ratio()), outcome.ssim(), outcome.meetsCloseTarget() ? "MET" : "NOT MET"));
                }
            }
        });
    }

    /** Renders one scenario {@code warmup + runs} times each way and reports it. */
    private static Outcome measure(RenderScenario scenario, Path work, LoopbackFileServer files, Path ffmpeg,
            RenderPipeline pipeline, int runs, int warmup) throws IOException, InterruptedException {
        String name = scenario.name();
        PROGRESS.println("bench render " + name + ": making the sources...");
        List<Path> sources = scenario.makeSources(new SampleMedia(ffmpeg, work.resolve("media")));
        String edit = scenario.edit(files);
        RenderBaseline baseline = new RenderBaseline(ffmpeg, scenario, work.resolve("media"),
                work.resolve("baseline-" + name));
        printScenario(scenario, sources);
        PROGRESS.println("bench render " + name + ": warm-up (pipeline, then baseline), not measured...");
        RenderPipeline.Result warmPipeline = null;
        RenderBaseline.Result warmBaseline = null;
        for (int run = 1; run <= warmup; run++) {
            warmPipeline = pipeline.run(edit);
            warmBaseline = baseline.run();
            PROGRESS.printf(Locale.ROOT, "  warm-up %d: pipeline %.2f s, baseline %.2f s%n", run,
                    warmPipeline.seconds(), warmBaseline.seconds());
        }

        List<Round> rounds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double load = Machine.loadAverage();
            RenderPipeline.Result measuredPipeline;
            RenderBaseline.Result measuredBaseline;
            // The order flips every run, so that drift on a shared machine falls on both alike.
            if (run % 2 == 1) {
                measuredPipeline = pipeline.run(edit);
                measuredBaseline = baseline.run();
            } else {
                measuredBaseline = baseline.run();
                measuredPipeline = pipeline.run(edit);
            }
            Round round = new Round(run % 2 == 1 ? "pipeline, baseline" : "baseline, pipeline",
                    measuredPipeline, measuredBaseline, load);
            rounds.add(round);
            PROGRESS.printf(Locale.ROOT, "  run %d of %d: pipeline %.2f s, baseline %.2f s (%s)%n", run, runs,
                    measuredPipeline.seconds(), measuredBaseline.seconds(), round.order());
        }

        PROGRESS.println("bench render " + name + ": checking the outputs...");
        RenderPipeline.Result last = rounds.getLast().pipeline();
        Path pipelineOutput = work.resolve("pipeline-" + name + ".mp4");
        pipeline.download(last, pipelineOutput);
        RenderMedia pipelineMedia = RenderMedia.inspect(ffmpeg, pipelineOutput);
        RenderMedia baselineMedia = RenderMedia.inspect(ffmpeg, baseline.output());

        printRuns(rounds, warmPipeline, warmBaseline);
        double ratio = printSummary(rounds);
        printBreakdown(rounds);
        double ssim = RenderMedia.ssim(ffmpeg, pipelineOutput, baseline.output());
        printOutputs(pipelineMedia, baselineMedia, ssim, last, baseline);
        Outcome outcome = new Outcome(ratio, ssim, pipelineMedia.differencesFrom(baselineMedia).isEmpty());
        OUT.println();
        OUT.printf(Locale.ROOT, "target of issue 15, ratio <= %.2fx with SSIM >= %.2f, same streams and duration: %s"
                        + " (%s, SSIM %.4f, streams and duration %s)%n", CLOSE_RATIO_TARGET, SSIM_TARGET,
                outcome.meetsCloseTarget() ? "MET" : "NOT MET", ratio(ratio), ssim,
                outcome.sameStreams() ? "the same" : "DIFFER");
        return outcome;
    }

    private static void printHeader(Instant started, int runs, int warmup, int pollMillis, Path ffmpeg) {
        OUT.println("Reelforge bench render, " + started.truncatedTo(ChronoUnit.SECONDS));
        OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s; %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(), ffmpegVersion(ffmpeg),
                Machine.loadAverageText());
        OUT.printf(Locale.ROOT, "settings: --runs %d --warmup %d --poll-ms %d (the client polls the status every %d ms)%n",
                runs, warmup, pollMillis, pollMillis);
        OUT.println("Every ratio is against the baseline measured in this same run; targets are reported, not enforced.");
    }

    private static void printScenario(RenderScenario scenario, List<Path> sources) {
        OUT.println();
        OUT.println("######## edit \"" + scenario.name() + "\" ########");
        OUT.println("edit: 30 s, hd (1280x720, 25 fps), mp4, quality medium, v1 (no watermark), no poster or thumbnail;");
        scenario.describe().forEach(line -> OUT.println("      " + line));
        OUT.printf(Locale.ROOT, "sources: %.1f MB in all, served over loopback HTTP%n",
                sources.stream().mapToLong(RenderBenchmark::size).sum() / 1e6);
    }

    private static void printRuns(List<Round> rounds, RenderPipeline.Result warmPipeline,
            RenderBaseline.Result warmBaseline) {
        OUT.println();
        OUT.println("== runs (wall seconds; pipeline = before POST until done is seen; baseline = the ffmpeg process) ==");
        String header = String.format(Locale.ROOT, "%-8s %-20s %10s %10s %8s %10s   %s", "run", "order", "pipeline",
                "baseline", "ratio", "load avg", "CPU s: pipeline ffmpeg + JVM, baseline ffmpeg + JVM");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        OUT.printf(Locale.ROOT, "%-8s %-20s %10.2f %10.2f %8s %10s   %s, %s%n", "warm-up", "pipeline, baseline",
                warmPipeline.seconds(), warmBaseline.seconds(), ratio(warmPipeline.seconds() / warmBaseline.seconds()),
                "", cpuPair(warmPipeline.cpu()), cpuPair(warmBaseline.cpu()));
        OUT.println("(warm-up: the last one, not measured)");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            OUT.printf(Locale.ROOT, "%-8d %-20s %10.2f %10.2f %8s %10.2f   %s, %s%n", i + 1, round.order(),
                    round.pipeline().seconds(), round.baseline().seconds(),
                    ratio(round.pipeline().seconds() / round.baseline().seconds()), round.loadBefore(),
                    cpuPair(round.pipeline().cpu()), cpuPair(round.baseline().cpu()));
        }
    }

    private static String cpuPair(Optional<RenderProcessWatch.Cpu> cpu) {
        return cpu.map(value -> String.format(Locale.ROOT, "%.2f + %.2f", value.children(), value.self()))
                .orElse("n/a");
    }

    private static double printSummary(List<Round> rounds) {
        double pipeline = median(rounds, round -> round.pipeline().seconds());
        double baseline = median(rounds, round -> round.baseline().seconds());
        double ratio = pipeline / baseline;
        double realtime = RenderScenario.DURATION / pipeline;
        OUT.println();
        OUT.printf(Locale.ROOT, "== results, median of %d runs ==%n", rounds.size());
        String header = String.format(Locale.ROOT, "%-30s %9s %10s %13s %11s", "", "wall s", "realtime",
                "ffmpeg CPU s", "JVM CPU s");
        OUT.println(header);
        OUT.println("-".repeat(header.length()));
        OUT.printf(Locale.ROOT, "%-30s %9.2f %9.2fx %13s %11s%n", "pipeline (submit to done)", pipeline, realtime,
                cpu(rounds, round -> round.pipeline().cpu().map(RenderProcessWatch.Cpu::children)),
                cpu(rounds, round -> round.pipeline().cpu().map(RenderProcessWatch.Cpu::self)));
        OUT.printf(Locale.ROOT, "%-30s %9.2f %9.2fx %13s %11s%n", "baseline (one ffmpeg)", baseline,
                RenderScenario.DURATION / baseline,
                cpu(rounds, round -> round.baseline().cpu().map(RenderProcessWatch.Cpu::children)),
                cpu(rounds, round -> round.baseline().cpu().map(RenderProcessWatch.Cpu::self)));
        List<Double> speeds = rounds.stream().map(round -> round.baseline().ffmpegSpeed()).flatMap(Optional::stream)
                .toList();
        OUT.printf(Locale.ROOT, "ratio pipeline/baseline: %s (+%.2f s)%n", ratio(ratio), pipeline - baseline);
        List<Double> cpuRatios = rounds.stream().flatMap(round -> round.pipeline().cpu().flatMap(p ->
                round.baseline().cpu().map(b -> (p.children() + p.self()) / (b.children() + b.self()))).stream())
                .toList();
        if (!cpuRatios.isEmpty()) {
            OUT.printf(Locale.ROOT, "CPU ratio pipeline/baseline (ffmpeg + JVM CPU seconds, median of runs): %s"
                    + " (less sensitive than wall time to other load on the machine)%n", ratio(median(cpuRatios)));
        }
        if (!speeds.isEmpty()) {
            OUT.printf(Locale.ROOT, "baseline ffmpeg speed (its own report): %.2fx%n", median(speeds));
        }
        OUT.println("(CPU: ffmpeg = children of the bench JVM that ended during the run, from /proc/self/stat;"
                + " JVM = the bench JVM's own threads,");
        OUT.println(" i.e. the API, DynamoDB Local, S3Proxy, the functions, the emulator and the polling client)");
        OUT.println();
        OUT.printf(Locale.ROOT, "target ratio <= %.1fx: %s (%s)%n", RATIO_TARGET,
                Math.round(ratio * 100) <= Math.round(RATIO_TARGET * 100) ? "MET" : "NOT MET", ratio(ratio));
        OUT.printf(Locale.ROOT, "target >= %.0fx realtime for 720p on %d cores: %s (%.2fx)%n", REALTIME_TARGET,
                Runtime.getRuntime().availableProcessors(),
                Math.round(realtime * 100) >= Math.round(REALTIME_TARGET * 100) ? "MET" : "NOT MET", realtime);
        return ratio;
    }

    /** The rows of the breakdown: from one point of a render's life to the next. */
    private record Row(String label, Point from, Point to) {}

    private static final List<Row> ROWS = List.of(
            new Row("API: POST until the render is stored", Point.SUBMIT, Point.QUEUED),
            new Row("stream poller: queued until claimed", Point.QUEUED, Point.FETCHING),
            new Row("fetch + probe the sources", Point.FETCHING, Point.RENDERING),
            new Row("compose: plan + ffmpeg (intermediate)", Point.RENDERING, Point.COMPOSED),
            new Row("upload intermediate to S3 + CreateJob", Point.COMPOSED, Point.JOB_CREATED),
            new Row("MC: start, download + probe input (*)", Point.JOB_CREATED, Point.ENCODE_STARTED),
            new Row("MC: encode ffmpeg (*)", Point.ENCODE_STARTED, Point.ENCODED),
            new Row("MC: upload output, probe it", Point.ENCODED, Point.JOB_COMPLETE),
            new Row("COMPLETE event until render is done", Point.JOB_COMPLETE, Point.DONE),
            new Row("until the poll sees done", Point.DONE, Point.DONE_SEEN));

    /**
     * The rows when the composition streams into the job (the embedded stack's pipes): the job starts before the
     * composition, and the two ffmpeg processes run at once.
     */
    private static final List<Row> STREAMED_ROWS = List.of(
            new Row("API: POST until the render is stored", Point.SUBMIT, Point.QUEUED),
            new Row("stream poller: queued until claimed", Point.QUEUED, Point.FETCHING),
            new Row("fetch + probe the sources", Point.FETCHING, Point.RENDERING),
            new Row("plan + CreateJob on the pipe", Point.RENDERING, Point.JOB_CREATED),
            new Row("MC: start until its ffmpeg runs (*)", Point.JOB_CREATED, Point.ENCODE_STARTED),
            new Row("compose + encode ffmpeg, overlapped (*)", Point.ENCODE_STARTED, Point.ENCODED),
            new Row("MC: upload output, probe it", Point.ENCODED, Point.JOB_COMPLETE),
            new Row("COMPLETE event until render is done", Point.JOB_COMPLETE, Point.DONE),
            new Row("until the poll sees done", Point.DONE, Point.DONE_SEEN));

    /** Whether the rounds' compositions streamed into their jobs: each job was created before its composition ended. */
    private static boolean streamed(List<Round> rounds) {
        return rounds.stream().allMatch(round -> round.pipeline().at(Point.JOB_CREATED).isPresent()
                && round.pipeline().at(Point.COMPOSED).isPresent()
                && round.pipeline().at(Point.JOB_CREATED).get() < round.pipeline().at(Point.COMPOSED).get());
    }

    private static void printBreakdown(List<Round> rounds) {
        OUT.println();
        boolean streamed = streamed(rounds);
        OUT.printf(Locale.ROOT, "== where the pipeline's time goes (median of %d runs, s; %s) ==%n", rounds.size(),
                streamed ? "the composition streamed into the job, the two ffmpeg processes overlapping"
                        : "the composition stored, then encoded");
        String header = String.format(Locale.ROOT, "%-42s %8s %7s   %s", "step", "median", "share", "per run");
        OUT.println(header);
        OUT.println("-".repeat(header.length() + 20));
        double wall = median(rounds, round -> round.pipeline().seconds());
        List<String> notes = new ArrayList<>();
        for (Row row : streamed ? STREAMED_ROWS : ROWS) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                RenderPipeline.Result result = rounds.get(i).pipeline();
                if (result.at(row.to()).isEmpty()) {
                    notes.add("run " + (i + 1) + ": \"" + row.to().label + "\" was not observed; the time of \""
                            + row.label() + "\" is counted in the next step");
                }
                values.add(seconds(result, row.from(), row.to()));
            }
            double median = median(values);
            OUT.printf(Locale.ROOT, "%-42s %8.2f %6.0f%%   %s%n", row.label(), median, 100 * median / wall,
                    String.join(" ", values.stream().map(value -> String.format(Locale.ROOT, "%6.2f", value)).toList()));
        }
        OUT.printf(Locale.ROOT, "%-42s %8.2f %6s%n", "wall (median; the medians above need not add up to it)", wall,
                "100%");
        OUT.println("(*) the encode's start is when the poll first saw its ffmpeg, up to one poll interval late.");
        notes.forEach(note -> OUT.println("note: " + note));

        OUT.println();
        OUT.println("grouped:");
        group(rounds, "before work starts (POST, stream)", Point.SUBMIT, Point.FETCHING);
        group(rounds, "fetch + probe", Point.FETCHING, Point.RENDERING);
        if (streamed) {
            group(rounds, "plan + CreateJob", Point.RENDERING, Point.JOB_CREATED);
            group(rounds, "compose + encode + events (job created to done seen)", Point.JOB_CREATED,
                    Point.DONE_SEEN);
        } else {
            group(rounds, "compose", Point.RENDERING, Point.COMPOSED);
            group(rounds, "upload intermediate + CreateJob", Point.COMPOSED, Point.JOB_CREATED);
            group(rounds, "encode + events (job created to done seen)", Point.JOB_CREATED, Point.DONE_SEEN);
        }

        OUT.println();
        double compose = medianSpan(rounds, Point.RENDERING, Point.COMPOSED);
        double encode = medianSpan(rounds, Point.ENCODE_STARTED, Point.ENCODED);
        if (streamed) {
            OUT.printf(Locale.ROOT, "compose ffmpeg (from rendering): %.2fx realtime; encode ffmpeg: %.2fx realtime;"
                            + " the encoder ended %.2f s after the composer%n", RenderScenario.DURATION / compose,
                    RenderScenario.DURATION / encode, medianSpan(rounds, Point.COMPOSED, Point.ENCODED));
        } else {
            OUT.printf(Locale.ROOT, "compose ffmpeg: %.2fx realtime; encode ffmpeg: %.2fx realtime;"
                            + " the two in sequence: %.2fx%n", RenderScenario.DURATION / compose,
                    RenderScenario.DURATION / encode, RenderScenario.DURATION / (compose + encode));
        }
        List<Long> sizes = rounds.stream().map(round -> round.pipeline().intermediateBytes())
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
        if (!sizes.isEmpty()) {
            double bytes = median(sizes.stream().map(Long::doubleValue).toList());
            double upload = medianSpan(rounds, Point.COMPOSED, Point.JOB_CREATED);
            OUT.printf(Locale.ROOT, "intermediate (%s): %.1f MB, %.1f Mbit/s; upload + CreateJob at %.0f MB/s%n",
                    intermediateSettings(rounds.getLast().pipeline().composeCommand()), bytes / 1e6,
                    bytes * 8 / RenderScenario.DURATION / 1e6, bytes / 1e6 / upload);
        }
        printThreadCpu(rounds);
        int polls = (int) median(rounds.stream().map(round -> (double) round.pipeline().polls()).toList());
        OUT.printf(Locale.ROOT, "status polls per render: %d; statuses seen in run 1: %s%n", polls,
                String.join(" > ", rounds.getFirst().pipeline().statusesSeen()));
    }

    /** Where the JVM's CPU went during a render, per group of threads, averaged over the measured runs. */
    private static void printThreadCpu(List<Round> rounds) {
        Map<String, Double> total = new HashMap<>();
        rounds.forEach(round -> round.pipeline().threadCpu().forEach((group, seconds) ->
                total.merge(group, seconds / rounds.size(), Double::sum)));
        double jvm = rounds.stream().map(round -> round.pipeline().cpu()).flatMap(Optional::stream)
                .mapToDouble(RenderProcessWatch.Cpu::self).average().orElse(Double.NaN);
        double named = total.values().stream().mapToDouble(Double::doubleValue).sum();
        OUT.printf(Locale.ROOT, "JVM CPU per render (mean of %d runs): %.2f s, by thread (/proc/self/task):%n",
                rounds.size(), jvm);
        List<Map.Entry<String, Double>> groups = total.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        double shown = 0;
        for (Map.Entry<String, Double> group : groups.subList(0, Math.min(12, groups.size()))) {
            OUT.printf(Locale.ROOT, "  %-18s %6.2f s  %s%n", group.getKey(), group.getValue(),
                    THREAD_ROLES.getOrDefault(group.getKey(), ""));
            shown += group.getValue();
        }
        OUT.printf(Locale.ROOT, "  %-18s %6.2f s%n", "other threads", named - shown);
        OUT.printf(Locale.ROOT, "  %-18s %6.2f s  (threads that ended during the run)%n", "ended threads",
                Math.max(0, jvm - named));
    }

    /** What the embedded stack's threads (as the kernel names them, digits folded) do. */
    private static final Map<String, String> THREAD_ROLES = Map.ofEntries(
            Map.entry("CN CompilerThre", "JIT compilers (C1, C2)"),
            Map.entry("GC Thread#N", "G1 GC workers"),
            Map.entry("GN Conc#N", "G1 concurrent marking"),
            Map.entry("GN Refine#N", "G1 refinement"),
            Map.entry("GN Service", "G1 service"),
            Map.entry("VM Thread", "JVM safepoints"),
            Map.entry("java", "the bench's main thread: the polling client, the process scan"),
            Map.entry("ForkJoinPool-N-", "virtual threads: API emulator connections, stream and queue pollers,"
                    + " MediaConvert API, file server"),
            Map.entry("function-invoca", "function invocations: the API's handlers, the render worker, the flows"),
            Map.entry("mediaconvert-wo", "MediaConvert emulator's job worker (S3 download/upload)"),
            Map.entry("SQLiteQueue[sha", "DynamoDB Local (SQLite)"),
            Map.entry("qtpN-N", "DynamoDB Local's Jetty"),
            Map.entry("SNProxy-Jetty-N", "S3Proxy's Jetty"),
            Map.entry("HttpClient-N-Wo", "java.net.http client (EditApiClient)"),
            Map.entry("HttpClient-N-Se", "java.net.http client selector"),
            Map.entry("HTTP-Dispatcher", "JDK HTTP servers' dispatchers (API, MediaConvert, file server)"),
            Map.entry("process reaper", "waits for child processes"));

    /** "libx264 ultrafast crf 16, aac 320k": the composer's output options, from its command. */
    private static String intermediateSettings(List<String> compose) {
        List<String> parts = new ArrayList<>();
        for (String option : List.of("-c:v", "-preset", "-crf", "-c:a", "-b:a")) {
            int at = compose.indexOf(option);
            if (at >= 0 && at + 1 < compose.size()) {
                parts.add((option.equals("-crf") ? "crf " : "") + compose.get(at + 1)
                        + (option.equals("-crf") ? "," : ""));
            }
        }
        return parts.isEmpty() ? "settings unknown" : String.join(" ", parts);
    }

    private static void group(List<Round> rounds, String label, Point from, Point to) {
        double wall = median(rounds, round -> round.pipeline().seconds());
        double seconds = medianSpan(rounds, from, to);
        OUT.printf(Locale.ROOT, "  %-44s %8.2f s %6.0f%%%n", label, seconds, 100 * seconds / wall);
    }

    private static void printOutputs(RenderMedia pipeline, RenderMedia baseline, double ssim,
            RenderPipeline.Result last, RenderBaseline baselineRun) {
        OUT.println();
        OUT.println("== outputs (the last measured run of each) ==");
        OUT.println("pipeline: " + pipeline.describe());
        OUT.println("          " + pipeline.video());
        OUT.println("          " + pipeline.audio());
        OUT.printf(Locale.ROOT, "          (the render reports duration %.3f s)%n", last.reportedDuration());
        OUT.println("baseline: " + baseline.describe());
        OUT.println("          " + baseline.video());
        OUT.println("          " + baseline.audio());
        List<String> differences = pipeline.differencesFrom(baseline);
        OUT.println(differences.isEmpty()
                ? "check: same streams, codecs, size, frame rate; lengths within one frame: OK"
                : "check: the outputs DIFFER: " + String.join("; ", differences));

        OUT.printf(Locale.ROOT, "check: SSIM of the pipeline's output against the baseline's, mean over the frames:"
                + " %.4f (1 = identical; the two are separate encodes, and text is placed a few pixels apart)%n",
                ssim);
        List<String> mismatches = encodeMismatches(last.encodeCommand());
        OUT.println(mismatches.isEmpty()
                ? "check: the baseline's encoder options are the ones the MediaConvert emulator ran: OK"
                : "check: the baseline's encoder options DIFFER from the emulator's: " + String.join("; ", mismatches));
        OUT.println();
        OUT.println("pipeline, compose:  ffmpeg " + String.join(" ", shortPaths(last.composeCommand())));
        OUT.println("pipeline, encode:   ffmpeg " + String.join(" ", shortPaths(last.encodeCommand())));
        OUT.println("baseline (in its directory): ffmpeg "
                + String.join(" ", shortPaths(baselineRun.command().subList(1, baselineRun.command().size()))));
        OUT.println("baseline graph.txt:");
        baselineRun.graph().lines().forEach(line -> OUT.println("  " + line));
    }

    /** The options of the final encode that the emulator's command gives differently from the baseline's. */
    private static List<String> encodeMismatches(List<String> encode) {
        if (encode.isEmpty()) {
            return List.of("the emulator's encode command was not seen");
        }
        List<String> mismatches = new ArrayList<>();
        List<String> expected = RenderScenario.FINAL_ENCODE;
        for (int i = 0; i + 1 < expected.size(); i += 2) {
            String option = expected.get(i);
            // the last: a streamed input names its format (-f nut) before the output's
            int at = encode.lastIndexOf(option);
            String value = at >= 0 && at + 1 < encode.size() ? encode.get(at + 1) : "(absent)";
            // The emulator converts with a format filter rather than -pix_fmt: the same frames reach x264.
            String filter = "format=" + expected.get(i + 1) + "[vout"; // "[vout0]": the first of the job's outputs
            if (option.equals("-pix_fmt") && at < 0 && encode.stream().anyMatch(argument -> argument.contains(filter))) {
                continue;
            }
            if (!value.equals(expected.get(i + 1))) {
                mismatches.add(option + " " + value + " (baseline " + expected.get(i + 1) + ")");
            }
        }
        return mismatches;
    }

    private static List<String> shortPaths(List<String> arguments) {
        return arguments.stream().map(argument -> {
            String plain = argument.startsWith("file:") ? argument.substring(5) : argument;
            return plain.startsWith("/") && plain.indexOf('/', 1) > 0
                    ? (argument.startsWith("file:") ? "file:" : "") + ".../" + Path.of(plain).getFileName()
                    : argument.contains(" ") || argument.contains("[") ? "'" + argument + "'" : argument;
        }).toList();
    }

    /**
     * The time between two points of a run; a point the run did not observe counts as the last observed one
     * before it, so the time of a step whose end was not seen lands in the next step.
     */
    private static double seconds(RenderPipeline.Result result, Point from, Point to) {
        return (observed(result, to) - observed(result, from)) / 1000.0;
    }

    private static double medianSpan(List<Round> rounds, Point from, Point to) {
        return median(rounds.stream().map(round -> seconds(round.pipeline(), from, to)).toList());
    }

    private static long observed(RenderPipeline.Result result, Point point) {
        for (int i = point.ordinal(); i >= 0; i--) {
            Optional<Long> at = result.at(Point.values()[i]);
            if (at.isPresent()) {
                return at.get();
            }
        }
        throw new IllegalStateException("a render without a submit time");
    }

    private static String cpu(List<Round> rounds, java.util.function.Function<Round, Optional<Double>> value) {
        List<Double> values = rounds.stream().map(value).flatMap(Optional::stream).toList();
        return values.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f", median(values));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return median(rounds.stream().map(round -> value.applyAsDouble(round)).toList());
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String ffmpegVersion(Path ffmpeg) {
        try {
            Process process = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-version")
                    .redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("ffmpeg");
            process.waitFor();
            int copyright = first.indexOf(" Copyright");
            return copyright > 0 ? first.substring(0, copyright) : first;
        } catch (IOException e) {
            return "ffmpeg (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ffmpeg (version unknown)";
        }
    }


}
