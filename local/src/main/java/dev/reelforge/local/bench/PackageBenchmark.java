package dev.reelforge.local.bench;

import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What an API function's deployment package costs, against a baseline built in the same run: the same jar plus every
 * SDK client the functions used to carry in each jar (when one AWS adapter module pulled them all: S3, CloudFront,
 * MediaConvert, Secrets Manager, SQS, and Joda-Time). Lambda downloads and unpacks the package into its task
 * directory before the JVM starts, so the package's size and entry count are part of a cold start that the in-JVM
 * measurements do not see; this times the unpacking.
 */
final class PackageBenchmark {

    /** The packages a face's jar no longer carries since the adapters were split by technology. */
    static final List<String> FORMERLY_CARRIED = List.of("software/amazon/awssdk/services/s3/",
            "software/amazon/awssdk/services/cloudfront/", "software/amazon/awssdk/services/mediaconvert/",
            "software/amazon/awssdk/services/secretsmanager/", "software/amazon/awssdk/services/sqs/",
            "org/joda/time/");

    record Package(Path jar, long bytes, int entries, double unpackMs) {}

    record Result(Package function, Package allClients) {

        double sizeRatio() {
            return (double) function.bytes() / allClients.bytes();
        }

        double unpackRatio() {
            return function.unpackMs() / allClients.unpackMs();
        }
    }

    private PackageBenchmark() {}

    /**
     * Builds the baseline jar for {@code function} from the other deployables of the template (which carry those
     * clients), then unpacks each jar {@code runs} times, alternating, into fresh directories under {@code work}.
     */
    static Result measure(SamTemplate template, FunctionDefinition function, Path project, Path work, int runs)
            throws IOException {
        Path functionJar = project.resolve(function.codeUri());
        Path allClients = work.resolve("all-clients-" + functionJar.getFileName());
        buildAllClientsJar(functionJar, otherJars(template, function, project), allClients);
        List<Long> functionNanos = new ArrayList<>();
        List<Long> baselineNanos = new ArrayList<>();
        unpack(functionJar, work.resolve("warm-up-a"));
        unpack(allClients, work.resolve("warm-up-b"));
        for (int run = 0; run < runs; run++) {
            boolean functionFirst = run % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == functionFirst) {
                    functionNanos.add(unpack(functionJar, work.resolve("unpack-f-" + run)));
                } else {
                    baselineNanos.add(unpack(allClients, work.resolve("unpack-b-" + run)));
                }
            }
        }
        return new Result(describe(functionJar, functionNanos), describe(allClients, baselineNanos));
    }

    private static List<Path> otherJars(SamTemplate template, FunctionDefinition function, Path project) {
        Set<String> codeUris = new LinkedHashSet<>();
        template.functions().forEach(other -> codeUris.add(other.codeUri()));
        codeUris.remove(function.codeUri());
        return codeUris.stream().map(project::resolve).toList();
    }

    private static void buildAllClientsJar(Path functionJar, List<Path> others, Path target) throws IOException {
        Set<String> written = new LinkedHashSet<>();
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            copyEntries(functionJar, out, written, name -> true);
            for (Path other : others) {
                copyEntries(other, out, written, name -> FORMERLY_CARRIED.stream().anyMatch(name::startsWith));
            }
        }
    }

    private static void copyEntries(Path jar, ZipOutputStream out, Set<String> written,
            java.util.function.Predicate<String> wanted) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!wanted.test(entry.getName()) || !written.add(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** Unpacks every entry of the jar into {@code directory} as Lambda unpacks a package; the nanoseconds it took. */
    static long unpack(Path jar, Path directory) {
        long started = System.nanoTime();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException(jar + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar, e);
        }
        return System.nanoTime() - started;
    }

    private static Package describe(Path jar, List<Long> nanos) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new Package(jar, Files.size(jar), zip.size(),
                    Latencies.medianMillis(nanos.stream().mapToLong(Long::longValue).toArray()));
        }
    }
}
