package dev.reelforge.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ffmpeg processes the embedded stack starts during one render. The render worker and the MediaConvert
 * emulator run inside this JVM, so their ffmpeg processes are its children: each {@link #scan()} (one per
 * status poll) notes the new ones, and {@link ProcessHandle#onExit()} tells, to the millisecond, when each
 * ended. A process is seen up to one poll interval after it started; one that lives shorter than that may
 * not be seen at all (only the source probes are that short).
 */
final class RenderProcessWatch {

    enum Role {
        /** The composer: one ffmpeg with a {@code -filter_complex_script}, writing the intermediate. */
        COMPOSE,
        /** The emulator's transcoder: the ffmpeg that reports {@code -progress}. */
        ENCODE,
        /** {@code ffmpeg -i file}, no output: a probe (the worker's sources, the emulator's input and output). */
        PROBE,
        OTHER
    }

    /** One ffmpeg process: when it was first seen and when it ended (epoch milliseconds; -1 not yet). */
    record Child(long pid, Role role, long seenMillis, AtomicLong exitMillis, List<String> arguments) {

        long exited() {
            return exitMillis.get();
        }
    }

    private final Set<Long> before = new HashSet<>();
    private final Map<Long, Child> children = new ConcurrentHashMap<>();

    /** Children already running now are not the render's. */
    RenderProcessWatch() {
        ProcessHandle.current().children().forEach(child -> before.add(child.pid()));
    }

    void scan() {
        long now = System.currentTimeMillis();
        ProcessHandle.current().children().forEach(child -> {
            if (before.contains(child.pid()) || children.containsKey(child.pid())) {
                return;
            }
            List<String> arguments = child.info().arguments().map(List::of).orElse(List.of());
            String command = child.info().command().orElse("");
            if (!command.endsWith("ffmpeg")) {
                before.add(child.pid());
                return;
            }
            Child seen = new Child(child.pid(), role(arguments), now, new AtomicLong(-1), arguments);
            children.put(child.pid(), seen);
            child.onExit().thenRun(() -> seen.exitMillis().compareAndSet(-1, System.currentTimeMillis()));
        });
    }

    /** The processes of a role in the order they were seen. */
    List<Child> all(Role role) {
        List<Child> found = new ArrayList<>(children.values().stream().filter(child -> child.role() == role).toList());
        found.sort(Comparator.comparingLong(Child::seenMillis));
        return found;
    }

    Optional<Child> first(Role role) {
        return all(role).stream().findFirst();
    }

    private static Role role(List<String> arguments) {
        if (arguments.contains("-filter_complex_script")) {
            return Role.COMPOSE;
        }
        if (arguments.contains("-progress")) {
            return Role.ENCODE;
        }
        if (arguments.contains("-i") && arguments.indexOf("-i") == arguments.size() - 2) {
            return Role.PROBE;
        }
        return Role.OTHER;
    }

    /**
     * CPU time of this JVM's own threads and of its children that have ended (and been waited for), from
     * {@code /proc/self/stat}, in seconds; empty where there is no /proc.
     */
    record Cpu(double self, double children) {

        /** Clock ticks per second of /proc's counters; 100 on every Linux Reelforge runs on. */
        private static final double TICKS = 100;

        static Optional<Cpu> read() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                // The fields after the command, which is in parentheses and may hold spaces.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                // utime, stime, cutime, cstime are fields 14 to 17 of the whole line, 12 to 15 here.
                return Optional.of(new Cpu((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS,
                        (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(self - earlier.self, children - earlier.children);
        }
    }
}
