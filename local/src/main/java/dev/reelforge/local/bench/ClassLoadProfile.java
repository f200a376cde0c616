package dev.reelforge.local.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classes one cold-start child loaded, from its {@code -Xlog:class+load} lines, counted by phase
 * (split at the runner's marker classes) and by where they came from; and the classes that had to be
 * read and parsed (from a jar or from the JDK's modules, not from a CDS archive) by package.
 */
record ClassLoadProfile(Map<String, Map<String, Integer>> byPhaseAndOrigin, Map<String, Integer> unarchivedByPackage,
        int total) {

    static final List<String> PHASES = List.of("JVM boot + runner", "init", "priming", "deserialize", "handle", "serialize",
            "after");

    private static final Map<String, String> MARKERS = Map.of(
            ColdStartRunner.class.getName() + "$PhaseReady", "init",
            ColdStartRunner.class.getName() + "$PhasePriming", "priming",
            ColdStartRunner.class.getName() + "$PhaseInitialized", "deserialize",
            ColdStartRunner.class.getName() + "$PhaseDeserialized", "handle",
            ColdStartRunner.class.getName() + "$PhaseHandled", "serialize",
            ColdStartRunner.class.getName() + "$PhaseSerialized", "after");

    static ClassLoadProfile parse(List<String> logLines, String classpath) {
        Map<String, String> entryNames = new LinkedHashMap<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entryNames.put(path.toUri().toString(), path.getFileName().toString());
        }
        Map<String, Map<String, Integer>> byPhase = new LinkedHashMap<>();
        PHASES.forEach(phase -> byPhase.put(phase, new TreeMap<>()));
        Map<String, Integer> byPackage = new TreeMap<>();
        String phase = PHASES.getFirst();
        int total = 0;
        for (String line : logLines) {
            int tags = line.indexOf("[class,load] ");
            if (tags < 0) {
                continue;
            }
            String rest = line.substring(tags + "[class,load] ".length());
            int sourceAt = rest.indexOf(" source: ");
            String className = sourceAt < 0 ? rest.trim() : rest.substring(0, sourceAt);
            String source = sourceAt < 0 ? "" : rest.substring(sourceAt + " source: ".length()).trim();
            String marker = MARKERS.get(className);
            if (marker != null) {
                phase = marker;
                continue;
            }
            String origin = origin(source, entryNames);
            byPhase.get(phase).merge(origin, 1, Integer::sum);
            if (source.startsWith("file:") || source.startsWith("jrt:/")) {
                byPackage.merge(packageGroup(className), 1, Integer::sum);
            }
            total++;
        }
        return new ClassLoadProfile(byPhase, byPackage, total);
    }

    int count(String phase) {
        return byPhaseAndOrigin.get(phase).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String origin(String source, Map<String, String> entryNames) {
        if (source.startsWith("shared objects file")) {
            return source.contains("(top)") ? "AppCDS archive" : "JDK, CDS archive";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK, not archived";
        }
        if (source.startsWith("file:")) {
            for (Map.Entry<String, String> entry : entryNames.entrySet()) {
                if (source.startsWith(entry.getKey()) || source.startsWith(entry.getKey().replace("file:///", "file:/"))) {
                    return entry.getValue();
                }
            }
            return "other jar";
        }
        return "generated (lambdas, method handles)";
    }

    /** The first two or three segments of a package, enough to tell the SDK from Jackson from Reelforge. */
    private static String packageGroup(String className) {
        String[] parts = className.split("\\.");
        if (className.startsWith("software.amazon.awssdk.services.") && parts.length > 5) {
            return String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4]);
        }
        if (className.startsWith("software.amazon.awssdk.") && parts.length > 4) {
            return String.join(".", parts[0], parts[1], parts[2], parts[3]);
        }
        if (className.startsWith("com.amazonaws.lambda.thirdparty.") && parts.length > 5) {
            return "com.amazonaws.lambda.thirdparty." + parts[4] + "." + parts[5];
        }
        return parts.length > 3 ? parts[0] + "." + parts[1] + "." + parts[2] : className;
    }
}
