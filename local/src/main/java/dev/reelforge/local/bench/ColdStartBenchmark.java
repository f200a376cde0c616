package dev.reelforge.local.bench;

import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.template.FunctionDefinition;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold starts of one function against the hello-world baseline, each a fresh JVM running
 * {@link ColdStartRunner}: same java, same JVM flags, same event, same environment, and the same
 * classpath except that the function's has its code added, from its shaded jar (CodeUri) unpacked into a task
 * root directory, as Lambda unpacks a package into {@code /var/task} and loads the handler from there. Rows with a
 * class-data archive take the jar itself: the JVM archives classes from jars only.
 */
final class ColdStartBenchmark {

    static final String RUNNER = ColdStartRunner.class.getName();
    static final String HELLO = HelloWorldHandler.class.getName();

    /** What a row adds to its flags: nothing, or a per-handler archive dumped by one training run. */
    enum Archive {
        NONE,
        /** A dynamic AppCDS archive: {@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}. */
        APP_CDS,
        /** A JDK 25 AOT cache (JEP 483/514): {@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}. */
        AOT_CACHE
    }

    /** A set of JVM flags measured as one row. */
    record Variant(String name, List<String> flags, Archive archive) {}

    /** One child JVM's timings, in nanoseconds; the wall time is measured by this (parent) JVM. */
    record Sample(long initNs, long deserializeNs, long handleNs, long serializeNs, long wallNs, long primingNs) {

        long inJvmNs() {
            return initNs + deserializeNs + handleNs + serializeNs;
        }

        /** The first invocation: what a restore from a SnapStart snapshot still pays (init is in the snapshot). */
        long firstNs() {
            return deserializeNs + handleNs + serializeNs;
        }
    }

    /** Medians, in milliseconds, of each column over the runs (each column on its own). */
    record Summary(int runs, double initMs, double deserializeMs, double handleMs, double serializeMs,
            double inJvmMs, double wallMs) {

        static Summary of(List<Sample> samples) {
            return new Summary(samples.size(),
                    median(samples, Sample::initNs), median(samples, Sample::deserializeNs),
                    median(samples, Sample::handleNs), median(samples, Sample::serializeNs),
                    median(samples, Sample::inJvmNs), median(samples, Sample::wallNs));
        }

        private static double median(List<Sample> samples, java.util.function.ToLongFunction<Sample> column) {
            return Latencies.medianMillis(samples.stream().mapToLong(column).toArray());
        }
    }

    record Row(Variant variant, Summary hello, Summary function) {

        double wallRatio() {
            return function.wallMs() / hello.wallMs();
        }

        double inJvmRatio() {
            return function.inJvmMs() / hello.inJvmMs();
        }
    }

    /**
     * One handler as a child JVM runs it: its classpath, and the one of rows with a class-data archive (which
     * cannot hold classes from a directory).
     */
    private record Subject(String label, String handlerClass, String classpath, String archiveClasspath,
            int expectedStatus) {

        String classpath(Variant variant) {
            return variant.archive() == Archive.NONE ? classpath : archiveClasspath;
        }
    }

    /** How one child JVM is started: its flags and classpath. */
    private record Launch(List<String> flags, String classpath) {

        Launch withFlag(String flag) {
            List<String> more = new ArrayList<>(flags);
            more.add(flag);
            return new Launch(more, classpath);
        }
    }

    private final Path java;
    private final Path eventFile;
    private final FunctionDefinition function;
    private final Map<String, String> environment;
    private final Path workDirectory;
    private final Subject hello;
    private final Subject subject;
    private final List<String> commonFlags;
    private int childCount;

    ColdStartBenchmark(Path projectDirectory, FunctionDefinition function, Map<String, String> environment,
            Path eventFile, Path workDirectory) {
        this.java = Path.of(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM")));
        this.function = function;
        this.environment = Map.copyOf(environment);
        this.eventFile = eventFile.toAbsolutePath();
        this.workDirectory = workDirectory;
        // What Lambda's java runtimes start the JVM with besides the row's flags (their command line, as printed from
        // running functions): a heap of 85% of the function's memory and IPv4 sockets; and the JVM sizes its initial
        // heap from the execution environment's memory, the function's, not this machine's.
        this.commonFlags = List.of(
                "-XX:MaxRAM=" + function.memoryMb() + "m",
                "-XX:MaxHeapSize=" + function.memoryMb() * 1024L * 85 / 100 + "k",
                "-Djava.net.preferIPv4Stack=true",
                "-Daws.accessKeyId=" + LocalCredentials.ACCESS_KEY_ID,
                "-Daws.secretAccessKey=" + LocalCredentials.SECRET_ACCESS_KEY);
        List<Path> runtime = runtimeClasspath(projectDirectory);
        Path functionJar = projectDirectory.resolve(function.codeUri()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(functionJar)) {
            throw new IllegalStateException(function.logicalId() + "'s CodeUri " + functionJar
                    + " does not exist; run mvn package");
        }
        Path runnerClasses = runnerJar(workDirectory);
        // The Lambda Java runtime's CustomerClassLoader reads the function's classes from its task root directory
        // (then the task root's and /opt's lib/*.jar): a .jar package is unpacked there before the JVM starts.
        Path taskRoot = workDirectory.resolve(functionJar.getFileName() + ".unpacked");
        if (!Files.isDirectory(taskRoot)) {
            PackageBenchmark.unpack(functionJar, taskRoot);
        }
        // The function's code and the runner's jar go last, so that the JDK's and the runtime's
        // classes are found in the same places, in the same order, for both handlers.
        String helloPath = join(runtime, runnerClasses);
        this.hello = new Subject("hello-world", HELLO, helloPath, helloPath, 200);
        this.subject = new Subject(function.logicalId(), function.handlerClass(),
                join(runtime, taskRoot, runnerClasses), join(runtime, functionJar, runnerClasses), 201);
    }

    Path java() {
        return java;
    }

    List<String> commonFlags() {
        return commonFlags;
    }

    String helloClasspath() {
        return hello.classpath();
    }

    /**
     * Runs each handler {@code runs} times per variant, alternating handlers (and which goes first) so
     * that drift affects both alike, after one unmeasured run of each to warm the page cache.
     */
    List<Row> measure(List<Variant> variants, int runs) {
        Map<Variant, Launch> helloLaunches = new LinkedHashMap<>();
        Map<Variant, Launch> functionLaunches = new LinkedHashMap<>();
        for (Variant variant : variants) {
            helloLaunches.put(variant, launch(variant, hello, false));
            functionLaunches.put(variant, launch(variant, subject, false));
        }
        runOnce(hello, launch(variants.getFirst(), hello, false), List.of());
        runOnce(subject, launch(variants.getFirst(), subject, false), List.of());
        for (Variant variant : variants) {
            if (variant.archive() != Archive.NONE) {
                // Training runs: dump the classes each handler's cold start loaded into its archive.
                runOnce(hello, launch(variant, hello, true), List.of());
                runOnce(subject, launch(variant, subject, true), List.of());
            }
        }
        Map<Variant, List<Sample>> helloSamples = new LinkedHashMap<>();
        Map<Variant, List<Sample>> functionSamples = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Variant variant : variants) {
                boolean helloFirst = run % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == helloFirst) {
                        helloSamples.computeIfAbsent(variant, key -> new ArrayList<>())
                                .add(runOnce(hello, helloLaunches.get(variant), List.of()));
                    } else {
                        functionSamples.computeIfAbsent(variant, key -> new ArrayList<>())
                                .add(runOnce(subject, functionLaunches.get(variant), List.of()));
                    }
                }
            }
            System.err.printf("bench: cold start run %d/%d done%n", run + 1, runs);
        }
        List<Row> rows = new ArrayList<>();
        for (Variant variant : variants) {
            rows.add(new Row(variant, Summary.of(helloSamples.get(variant)),
                    Summary.of(functionSamples.get(variant))));
        }
        return rows;
    }

    /**
     * The function's cold start without and with its SnapStart priming run right after init (the runner's
     * {@code primed}), alternating, after one unmeasured run of each; medians of the first invocation, the
     * priming itself and the wall time.
     */
    PrimingComparison priming(Variant variant, int runs) {
        Launch launch = launch(variant, subject, false);
        runOnce(subject, launch, List.of());
        runOnce(subject, launch, List.of("primed"));
        List<Sample> unprimed = new ArrayList<>();
        List<Sample> primed = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == (run % 2 == 0)) {
                    unprimed.add(runOnce(subject, launch, List.of()));
                } else {
                    primed.add(runOnce(subject, launch, List.of("primed")));
                }
            }
        }
        return new PrimingComparison(runs, PrimingComparison.Columns.of(unprimed), PrimingComparison.Columns.of(primed),
                classLoads(variant, true), classLoads(variant, true, List.of("primed")));
    }

    /** {@link #priming}'s result: medians in ms, and one class-load profile of each. */
    record PrimingComparison(int runs, Columns unprimed, Columns primed, ClassLoadProfile unprimedClasses,
            ClassLoadProfile primedClasses) {

        record Columns(double initMs, double primingMs, double deserializeMs, double handleMs, double serializeMs,
                double firstMs, double wallMs) {

            static Columns of(List<Sample> samples) {
                return new Columns(median(samples, Sample::initNs), median(samples, Sample::primingNs),
                        median(samples, Sample::deserializeNs), median(samples, Sample::handleNs),
                        median(samples, Sample::serializeNs), median(samples, Sample::firstNs),
                        median(samples, Sample::wallNs));
            }

            private static double median(List<Sample> samples, java.util.function.ToLongFunction<Sample> column) {
                return Latencies.medianMillis(samples.stream().mapToLong(column).toArray());
            }
        }
    }

    /** The function's init and first invocation in finer steps (see {@link ColdStartBreakdown}), medians. */
    Map<String, Double> breakdown(Variant variant, int runs) {
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            String output = runChild(subject, launch(variant, subject, false), List.of("breakdown"));
            for (String line : output.split("\n")) {
                if (line.startsWith("BREAKDOWN ")) {
                    Map<String, String> fields = fields(line);
                    steps.computeIfAbsent(fields.get("step").replace('_', ' '), key -> new ArrayList<>())
                            .add(Long.parseLong(fields.get("ns")));
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        steps.forEach((step, values) ->
                medians.put(step, Latencies.medianMillis(values.stream().mapToLong(Long::longValue).toArray())));
        return medians;
    }

    /** Which classes each phase of one cold start loaded, from a run with {@code -Xlog:class+load}. */
    ClassLoadProfile classLoads(Variant variant, boolean function) {
        return classLoads(variant, function, List.of());
    }

    private ClassLoadProfile classLoads(Variant variant, boolean function, List<String> extraArguments) {
        Subject who = function ? subject : hello;
        Path log = workDirectory.resolve("class-load-" + (++childCount) + ".log");
        Launch launch = launch(variant, who, false).withFlag("-Xlog:class+load=info:file=" + log);
        runChild(who, launch, extraArguments);
        try {
            return ClassLoadProfile.parse(Files.readAllLines(log, StandardCharsets.UTF_8), launch.classpath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Launch launch(Variant variant, Subject who, boolean training) {
        List<String> flags = new ArrayList<>(variant.flags());
        String handler = who == hello ? "hello" : "function";
        switch (variant.archive()) {
            case NONE -> { }
            case APP_CDS -> {
                Path archive = workDirectory.resolve("appcds-" + handler + ".jsa");
                flags.add(training ? "-XX:ArchiveClassesAtExit=" + archive : "-XX:SharedArchiveFile=" + archive);
            }
            case AOT_CACHE -> {
                Path cache = workDirectory.resolve("aot-" + handler + ".aot");
                flags.add(training ? "-XX:AOTCacheOutput=" + cache : "-XX:AOTCache=" + cache);
            }
        }
        flags.addAll(commonFlags);
        return new Launch(flags, who.classpath(variant));
    }

    private Sample runOnce(Subject who, Launch launch, List<String> extraArguments) {
        long started = System.nanoTime();
        String output = runChild(who, launch, extraArguments);
        long wall = System.nanoTime() - started;
        for (String line : output.split("\n")) {
            if (line.startsWith("COLDSTART ")) {
                Map<String, String> fields = fields(line);
                int status = Integer.parseInt(fields.get("status"));
                if (status != who.expectedStatus()) {
                    throw new IllegalStateException(who.label() + " answered " + status + ", expected "
                            + who.expectedStatus() + ": the cold start measured a failure, not the function");
                }
                return new Sample(Long.parseLong(fields.get("init_ns")), Long.parseLong(fields.get("deserialize_ns")),
                        Long.parseLong(fields.get("handle_ns")), Long.parseLong(fields.get("serialize_ns")), wall,
                        Long.parseLong(fields.getOrDefault("priming_ns", "0")));
            }
        }
        throw new IllegalStateException(who.label() + ": the runner printed no COLDSTART line:\n" + output);
    }

    /** Starts the child JVM and waits for it; the parent's wall time is measured around this call. */
    private String runChild(Subject who, Launch launch, List<String> extraArguments) {
        int child = ++childCount;
        Path out = workDirectory.resolve("child-" + child + ".out");
        Path err = workDirectory.resolve("child-" + child + ".err");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(launch.flags());
        command.add("-cp");
        command.add(launch.classpath());
        command.add(RUNNER);
        command.add(who.handlerClass());
        command.add(eventFile.toString());
        command.add(function.functionName());
        command.add(Integer.toString(function.memoryMb()));
        command.add(Long.toString(function.timeout().toMillis()));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // A Lambda execution environment has only the function's variables, not this shell's.
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(who.label() + ": the cold-start JVM did not exit in 120 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(who.label() + ": the cold-start JVM exited with "
                        + process.exitValue() + ":\n" + output + Files.readString(err, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.trim().split(" +")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return fields;
    }

    private static final Pattern RUNTIME_JAR =
            Pattern.compile("(?:aws-lambda-java-(core|events|serialization)|(joda-time))-[0-9][^/]*\\.jar");

    /**
     * What the Lambda Java runtime provides besides the function's jar: aws-lambda-java-core, -events and
     * -serialization, taken by file name from the launcher's classpath (local/target/classpath.txt), and
     * joda-time, without which aws-lambda-java-serialization cannot build any event serializer (its
     * DateTimeModule loads org.joda.time.DateTime) and which the functions' shaded jars leave out.
     */
    private static List<Path> runtimeClasspath(Path projectDirectory) {
        Path classpathFile = projectDirectory.resolve("local/target/classpath.txt");
        String classpath;
        try {
            classpath = Files.isRegularFile(classpathFile)
                    ? Files.readString(classpathFile, StandardCharsets.UTF_8).trim()
                    : System.getProperty("java.class.path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            var matcher = RUNTIME_JAR.matcher(path.getFileName().toString());
            if (matcher.matches()) {
                found.putIfAbsent(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), path.toAbsolutePath());
            }
        }
        List<Path> jars = new ArrayList<>();
        for (String name : List.of("core", "events", "serialization", "joda-time")) {
            Path jar = found.get(name);
            if (jar == null) {
                throw new IllegalStateException(name + " is not on " + classpathFile);
            }
            jars.add(jar);
        }
        return jars;
    }

    /** The classes a cold-start child needs from the local module (with their nested classes). */
    static final List<Class<?>> RUNNER_CLASSES = List.of(ColdStartRunner.class, BenchContext.class,
            HelloWorldHandler.class, ColdStartBreakdown.class, LambdaJson.class);

    /**
     * A small jar of {@link #RUNNER_CLASSES}, rather than the local module's whole classes directory: the
     * child needs nothing else from it, and CDS archives accept jars only on the classpath.
     */
    static Path runnerJar(Path workDirectory) {
        Path jar = workDirectory.resolve("bench-runner.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : RUNNER_CLASSES.stream().flatMap(ColdStartBenchmark::withNested).toList()) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = ColdStartBenchmark.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IllegalStateException("cannot find " + entry + " on this JVM's classpath");
                    }
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return jar.toAbsolutePath();
    }

    private static Stream<Class<?>> withNested(Class<?> type) {
        return Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredClasses())
                .flatMap(ColdStartBenchmark::withNested));
    }

    /** A classpath: {@code first}, then {@code last}. */
    private static String join(List<Path> first, Path... last) {
        return String.join(File.pathSeparator,
                Stream.concat(first.stream(), Stream.of(last)).map(Path::toString).toList());
    }
}
