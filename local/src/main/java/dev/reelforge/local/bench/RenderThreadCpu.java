package dev.reelforge.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the bench JVM's threads, from {@code /proc/self/task/<tid>/stat}: every thread the kernel
 * knows, so also the JIT compilers and the garbage collector, named as the kernel names them (the first 15
 * characters). A snapshot before and after a render tells which parts of the embedded stack spent the JVM's
 * CPU; threads that ended in between are missed (their time is in the process total only).
 */
final class RenderThreadCpu {

    private static final double TICKS = 100;

    private record Thread(String name, long ticks) {}

    private final Map<Long, Thread> threads;

    private RenderThreadCpu(Map<Long, Thread> threads) {
        this.threads = threads;
    }

    static RenderThreadCpu snapshot() {
        Map<Long, Thread> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).trim().split("\\s+");
                    threads.put(Long.parseLong(task.getFileName().toString()), new Thread(
                            stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to tell
        }
        return new RenderThreadCpu(threads);
    }

    /** Seconds of CPU per group of threads (digits in names folded, so pools read as one) since {@code before}. */
    Map<String, Double> since(RenderThreadCpu before) {
        Map<String, Double> groups = new HashMap<>();
        threads.forEach((tid, thread) -> {
            Thread earlier = before.threads.get(tid);
            long ticks = thread.ticks() - (earlier == null ? 0 : earlier.ticks());
            if (ticks > 0) {
                groups.merge(group(thread.name()), ticks / TICKS, Double::sum);
            }
        });
        return groups;
    }

    /** Thread names as groups: "C2 CompilerThre", "G1 Conc#0", "qtp1234-56" read as "C2 CompilerThre", "G1 Conc#N"... */
    static String group(String name) {
        return name.replaceAll("\\d+", "N");
    }
}
