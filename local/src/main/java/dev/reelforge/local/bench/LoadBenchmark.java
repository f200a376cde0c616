package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.CommandLine;
import dev.reelforge.local.EditApiClient;
import dev.reelforge.local.LocalStack;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./reelforge bench load}: many renders submitted in one burst to the embedded stack, against the same number of
 * baseline ffmpeg runs of the same edit (the bench render's hand-written command; half of them before the burst, half
 * after) with the same concurrency limit as the stack's: its render worker takes one render at a time, in the order
 * they were submitted (the stream delivers them in order), while MediaConvert jobs run as their inputs come. Reports
 * the throughput of each (seconds of video per second of wall time) and their ratio (issue 15: the baseline at most
 * 1.2x the pipeline), whether any render starved (completion out of submission order; each render's wait from
 * submission to done), and the peak resident memory of the stack's JVM and of all its ffmpeg processes together,
 * sampled every 100 ms.
 */
public final class LoadBenchmark {

    static final double THROUGHPUT_TARGET = 1.2;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final PrintStream OUT = System.out;
    private static final PrintStream PROGRESS = System.err;

    private LoadBenchmark() {}

    /** One render of the load: its place in the burst, when it was submitted and done (epoch ms), its length. */
    private record Render(String id, int order, long submitted, long done, double duration) {}

    /** The baseline's runs before the burst and after it, the wall time of each half, their memory's peak. */
    private record Baseline(int runsBefore, double secondsBefore, int runsAfter, double secondsAfter,
            MemoryWatch.Peak peak) {

        int runs() {
            return runsBefore + runsAfter;
        }

        double seconds() {
            return secondsBefore + secondsAfter;
        }
    }

    public static int run(CommandLine options) {
        String edit = options.option("edit").orElse("cuts");
        List<RenderScenario> scenario = RenderScenario.all().stream().filter(each -> each.name().equals(edit))
                .toList();
        int renders = Machine.countOption(options, "renders", 20);
        int concurrency = Machine.countOption(options, "concurrency", 1);
        if (options.positional().size() != 1 || !options.positional().getFirst().equals("load") || scenario.isEmpty()
                || renders < 1 || concurrency < 1) {
            System.err.println("usage: reelforge bench load [--renders N (20)] [--edit " + String.join("|",
                    RenderScenario.all().stream().map(RenderScenario::name).toList()) + " (cuts)]"
                    + " [--concurrency N (1: the stack's)] [--data-dir DIR]");
            return 2;
        }
        Path template = options.template().toAbsolutePath().normalize();
        return Machine.measureInScratch(options, "load", (work, started) -> {
            PROGRESS.println("bench load: starting the embedded stack...");
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, work.resolve("stack"), 0,
                    line -> {}));
                    LoopbackFileServer files = LoopbackFileServer.serve(work.resolve("media"))) {
                Path ffmpeg = stack.ffmpeg();
                RenderScenario chosen = scenario.getFirst();
                chosen.makeSources(new SampleMedia(ffmpeg, work.resolve("media")));
                String json = chosen.edit(files);
                EditApiClient client = EditApiClient.of(stack.descriptor(), Environment.V1);
                OUT.println("Reelforge bench load, " + started.truncatedTo(ChronoUnit.SECONDS));
                OUT.printf(Locale.ROOT, "machine: %d CPUs (%s), java %s; load average %s%n",
                        Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Runtime.version(),
                        Machine.loadAverageText());
                OUT.printf(Locale.ROOT, "%d renders of the \"%s\" edit (%.0f s, 720p) submitted in one burst; %d"
                        + " baseline ffmpeg runs of it, %d at a time, half before the burst and half after%n", renders,
                        chosen.name(), RenderScenario.DURATION, renders, concurrency);

                PROGRESS.println("bench load: warm-up, one render and one baseline, not measured...");
                RenderBaseline warm = new RenderBaseline(ffmpeg, chosen, work.resolve("media"),
                        work.resolve("baseline-warm"));
                awaitAll(client, submitAll(client, json, 1));
                warm.run();

                List<RenderBaseline> slots = new ArrayList<>();
                for (int slot = 0; slot < concurrency; slot++) {
                    slots.add(new RenderBaseline(ffmpeg, chosen, work.resolve("media"),
                            work.resolve("baseline-" + slot)));
                }
                // half the baseline runs before the renders and half after: a change of the machine's speed during
                // the bench (this one is shared) then falls on both sides, where one after the other it fell on one
                int before = renders / 2;
                PROGRESS.printf(Locale.ROOT, "bench load: %d baseline runs, %d at a time...%n", before, concurrency);
                MemoryWatch baselineMemory = MemoryWatch.start();
                double baselineBefore = runBaselines(slots, before);
                MemoryWatch.Peak baselinePeakBefore = baselineMemory.stop();

                PROGRESS.printf(Locale.ROOT, "bench load: %d renders in one burst...%n", renders);
                MemoryWatch pipelineMemory = MemoryWatch.start();
                long pipelineStart = System.nanoTime();
                List<Render> done = awaitAll(client, submitAll(client, json, renders));
                double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
                MemoryWatch.Peak pipelinePeak = pipelineMemory.stop();

                PROGRESS.printf(Locale.ROOT, "bench load: %d baseline runs, %d at a time...%n", renders - before,
                        concurrency);
                baselineMemory = MemoryWatch.start();
                double baselineAfter = runBaselines(slots, renders - before);
                Baseline baseline = new Baseline(before, baselineBefore, renders - before, baselineAfter,
                        baselinePeakBefore.max(baselineMemory.stop()));

                report(done, pipelineSeconds, pipelinePeak, baseline, renders);
            }
        });
    }

    /**
     * Submits {@code count} renders of the edit in one burst, each POST as soon as the one before was answered (20
     * take a fifth of a second), so that their order is defined: the order a fair stack serves them in. Their ids
     * and submit times, in that order.
     */
    private static Map<String, Long> submitAll(EditApiClient client, String edit, int count) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            long at = System.currentTimeMillis();
            ids.put(client.submit(edit), at);
        }
        return ids;
    }

    /** Polls every unfinished render once a second until all are done; a failed render fails the bench. */
    private static List<Render> awaitAll(EditApiClient client, Map<String, Long> submitted)
            throws InterruptedException {
        Map<String, Long> unfinished = new LinkedHashMap<>(submitted);
        List<String> order = List.copyOf(submitted.keySet());
        List<Render> done = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!unfinished.isEmpty()) {
            for (var each : List.copyOf(unfinished.entrySet())) {
                JsonNode render = client.status(each.getKey());
                String status = render.path("status").asText();
                if (status.equals("failed")) {
                    throw new IllegalStateException("render " + each.getKey() + " failed: " + render.path("error"));
                }
                if (status.equals("done")) {
                    done.add(new Render(each.getKey(), order.indexOf(each.getKey()), each.getValue(),
                            Instant.parse(render.path("updated").asText()).toEpochMilli(),
                            render.path("duration").asDouble()));
                    unfinished.remove(each.getKey());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(unfinished.size() + " renders not done in " + TIMEOUT);
            }
            if (!unfinished.isEmpty()) {
                Thread.sleep(POLL);
            }
        }
        return done;
    }

    /** Runs the baseline {@code count} times, as many at once as there are slots; the wall time of them all. */
    private static double runBaselines(List<RenderBaseline> slots, int count) throws Exception {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService runners = Executors.newFixedThreadPool(slots.size())) {
            List<Future<Void>> running = new ArrayList<>();
            for (RenderBaseline slot : slots) {
                running.add(runners.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        slot.run();
                    }
                    return null;
                }));
            }
            for (Future<Void> each : running) {
                each.get();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(List<Render> done, double pipelineSeconds, MemoryWatch.Peak pipelinePeak,
            Baseline baseline, int renders) {
        double video = renders * RenderScenario.DURATION;
        double pipelineThroughput = video / pipelineSeconds;
        double baselineThroughput = video / baseline.seconds();
        double ratio = baselineThroughput / pipelineThroughput;
        OUT.println();
        OUT.println("== throughput (seconds of video per second of wall time) ==");
        OUT.printf(Locale.ROOT, "pipeline: %d renders in %.1f s: %.2f s/s%n", renders, pipelineSeconds,
                pipelineThroughput);
        OUT.printf(Locale.ROOT, "baseline: %d ffmpeg runs in %.1f s: %.2f s/s (%d before the renders in %.1f s, %d"
                + " after them in %.1f s)%n", baseline.runs(), baseline.seconds(), baselineThroughput,
                baseline.runsBefore(), baseline.secondsBefore(), baseline.runsAfter(), baseline.secondsAfter());
        OUT.printf(Locale.ROOT, "ratio baseline/pipeline: %.2fx; target <= %.1fx: %s%n", ratio, THROUGHPUT_TARGET,
                ratio <= THROUGHPUT_TARGET ? "MET" : "NOT MET");

        List<Render> bySubmission = new ArrayList<>(done);
        bySubmission.sort(Comparator.comparingLong(Render::order));
        List<Render> byCompletion = new ArrayList<>(done);
        byCompletion.sort(Comparator.comparingLong(Render::done));
        int outOfOrder = 0;
        for (int i = 0; i < bySubmission.size(); i++) {
            if (!bySubmission.get(i).id().equals(byCompletion.get(i).id())) {
                outOfOrder++;
            }
        }
        List<Double> waits = bySubmission.stream().map(render -> (render.done() - render.submitted()) / 1000.0)
                .toList();
        boolean oldestFirst = outOfOrder == 0;
        OUT.println();
        OUT.println("== starvation (each render's wait, submission to done, in submission order, s) ==");
        OUT.println(String.join(" ", waits.stream().map(wait -> String.format(Locale.ROOT, "%.1f", wait)).toList()));
        OUT.printf(Locale.ROOT, "first %.1f s, last %.1f s; done out of submission order: %d of %d; no render starves"
                        + " (the oldest waits least): %s%n", waits.getFirst(), waits.getLast(), outOfOrder,
                renders, oldestFirst ? "MET" : "NOT MET");
        long wrongLength = done.stream().filter(render -> Math.abs(render.duration() - RenderScenario.DURATION) > 0.05)
                .count();
        OUT.printf(Locale.ROOT, "every render %.0f s long: %s%n", RenderScenario.DURATION,
                wrongLength == 0 ? "yes" : "NO (" + wrongLength + " not)");

        OUT.println();
        OUT.println("== memory (peak resident set, sampled every 100 ms) ==");
        OUT.printf(Locale.ROOT, "pipeline: stack JVM %.0f MB, its ffmpeg processes together %.0f MB (at most %d at"
                        + " once), both together %.0f MB%n", pipelinePeak.jvmMb(), pipelinePeak.childrenMb(),
                pipelinePeak.children(), pipelinePeak.totalMb());
        OUT.printf(Locale.ROOT, "baseline: its ffmpeg processes together %.0f MB (at most %d at once)%n",
                baseline.peak().childrenMb(), baseline.peak().children());
        OUT.printf(Locale.ROOT, "load average at the end: %s%n", Machine.loadAverageText());
    }

    /** Samples the resident memory of this JVM and of its child processes until stopped, keeping the peaks. */
    static final class MemoryWatch {

        /** The peaks: this JVM, all children together, both together, the most children at once. */
        record Peak(double jvmMb, double childrenMb, double totalMb, int children) {

            /** The higher of each of the two watches' peaks. */
            Peak max(Peak other) {
                return new Peak(Math.max(jvmMb, other.jvmMb), Math.max(childrenMb, other.childrenMb),
                        Math.max(totalMb, other.totalMb), Math.max(children, other.children));
            }
        }

        private final Thread sampler;
        private volatile boolean running = true;
        private long jvm;
        private long children;
        private long total;
        private int count;

        private MemoryWatch() {
            this.sampler = Thread.ofPlatform().daemon().name("bench-memory").start(this::sample);
        }

        static MemoryWatch start() {
            return new MemoryWatch();
        }

        Peak stop() throws InterruptedException {
            running = false;
            sampler.join();
            return new Peak(jvm / 1024.0, children / 1024.0, total / 1024.0, count);
        }

        private void sample() {
            while (running) {
                long own = residentKb(ProcessHandle.current().pid());
                List<ProcessHandle> descendants = ProcessHandle.current().descendants().toList();
                long theirs = descendants.stream().mapToLong(child -> residentKb(child.pid())).sum();
                jvm = Math.max(jvm, own);
                children = Math.max(children, theirs);
                total = Math.max(total, own + theirs);
                count = Math.max(count, descendants.size());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** VmRSS of /proc/{pid}/status, in kB; 0 for a process gone meanwhile. */
        private static long residentKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
            return 0;
        }
    }
}
