package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe.ProbeResult;
import dev.reelforge.local.mediaconvert.EmulatedJob.Phase;
import dev.reelforge.local.mediaconvert.JobSpec.GroupSpec;
import dev.reelforge.local.mediaconvert.JobSpec.InputSpec;
import dev.reelforge.local.mediaconvert.JobSpec.Overlay;
import dev.reelforge.local.mediaconvert.JobSpec.OutputSpec;
import dev.reelforge.local.mediaconvert.JobSpec.S3Location;
import dev.reelforge.local.services.LocalService;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.NamedPipeIntermediates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS Elemental MediaConvert's job API on a loopback port, running jobs with ffmpeg against the local S3:
 * the unmodified SDK {@code MediaConvertClient} (endpoint overridden) creates, reads, lists and cancels
 * jobs, and each change of a job's state is handed to the event sink as the "MediaConvert Job State
 * Change" event EventBridge would deliver.
 *
 * <ul>
 *   <li>{@code POST /2017-08-29/jobs} creates a job (201 {@code {"job":...}}, SUBMITTED); the same
 *       {@code clientRequestToken} within a minute returns the job it created. Settings outside the
 *       honoured subset ({@link JobSpec}) are refused with 400 {@code BadRequestException}, the message naming
 *       the JSON path and value.</li>
 *   <li>{@code GET /2017-08-29/jobs/{id}} reads a job, {@code GET /2017-08-29/jobs} lists them (newest first
 *       unless {@code order=ASCENDING}; {@code status}, {@code queue}, {@code maxResults}, {@code nextToken}),
 *       {@code DELETE /2017-08-29/jobs/{id}} cancels one (202 {@code {}}; a job that has finished is 409
 *       {@code ConflictException}); an unknown id is 404 {@code NotFoundException}.</li>
 * </ul>
 *
 * Jobs run one at a time, in order, on a worker thread: the inputs and any overlay images are downloaded,
 * the inputs probed, several inputs joined in order into one timeline, each output encoded ({@link Transcoder}) and
 * uploaded, with PROGRESSING, STATUS_UPDATE
 * (as the work advances, rather than once a minute), and COMPLETE, ERROR or CANCELED events. Errors are
 * answered in MediaConvert's shape: the status, an {@code x-amzn-ErrorType} header naming the exception, and
 * {@code {"message": ...}}.
 *
 * <p>One thing MediaConvert cannot do, which the embedded stack's render worker uses to overlap composing and
 * encoding: a job whose sole input location has a named pipe under {@link #intermediatePipes()}
 * ({@link NamedPipeIntermediates}) reads the input from the pipe as its writer composes it, instead of the object,
 * and runs at once on a thread of its own, since its writer is waiting for it. Its writer states what it streams
 * (no probe: that would consume it). Read once, it cannot feed frame captures. A stream that ends short of its
 * stated length lost its writer and is read again from the start; one whose writer does not come within
 * {@link #STREAM_WRITER_WAIT} fails the job. The pipe outlives a restart, renewed (the ffmpeg processes a kill
 * orphaned keep the old one): a job of before waits on it again, for the worker's retry to compose into it again.
 * A pipe among several inputs is refused at CreateJob: streaming is this emulator's own, and a joined timeline reads
 * stored files.
 *
 * <p>Like MediaConvert, it never loses a job it accepted: jobs are kept under {@code <workDirectory>/jobs}
 * ({@link JobStore}), each change of status before it is announced. An emulator opened on the same directory
 * answers for every job of before, sends the events a kill kept it from sending, and runs again, from the start,
 * every job that had not finished (its outputs are written again; a second COMPLETE of a job that completed
 * just before the kill is possible, as EventBridge delivers at least once).
 */
public final class MediaConvertEmulator implements LocalService {

    static final String API = "/2017-08-29";
    /** The path of the inputs in a CreateJob body, as the refusals name it. */
    private static final String API_INPUTS = "/settings/inputs/";
    /** How long a client request token returns the job it created (MediaConvert: one minute). */
    static final Duration TOKEN_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final int MAX_LIST_RESULTS = 20;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** The share of jobPercentComplete each phase covers: probing to 5, transcoding to 90, uploading to 100. */
    private static final int PROBED = 5;
    private static final int TRANSCODED = 90;
    /** A STATUS_UPDATE is announced each time the job advances this many points. */
    private static final int ANNOUNCE_STEP = 10;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** How long a job whose input is streamed waits for its writer (a worker composing into it) before it fails. */
    static final Duration STREAM_WRITER_WAIT = Duration.ofMinutes(15);
    /** How much shorter than its writer stated a streamed input may end (rounding to whole frames). */
    private static final double STREAM_LENGTH_TOLERANCE = 0.1;

    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final S3Client s3;
    private final OutputUploads uploads;
    private final Path workDirectory;
    private final Path pipes;
    private final String account;
    private final String region;
    private final Consumer<String> events;
    private final Clock clock;
    private final JobEvents eventJson;
    private final Transcoder transcoder;
    private final InputJoin inputJoin;
    private final FfmpegMediaProbe probe;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EmulatedJob> jobs = new ConcurrentHashMap<>();
    private final List<EmulatedJob> created = new CopyOnWriteArrayList<>();
    private final Map<String, EmulatedJob> byToken = new HashMap<>();
    private final Object creating = new Object();
    private final BlockingQueue<EmulatedJob> queue = new LinkedBlockingQueue<>();
    private final JobStore store;
    /** Jobs kept from before a restart whose last change was not announced yet, with those events. */
    private final List<JobStore.Stored> unannounced = new ArrayList<>();
    private final Thread worker;
    private boolean working;
    private volatile boolean closed;

    private MediaConvertEmulator(HttpServer server, ExecutorService httpExecutor, Path ffmpeg, S3Client s3,
            Path workDirectory, String account, String region, Consumer<String> events, Clock clock) {
        this.server = server;
        this.httpExecutor = httpExecutor;
        this.s3 = s3;
        this.uploads = new OutputUploads(s3);
        this.workDirectory = workDirectory;
        this.pipes = workDirectory.resolve("pipes");
        this.account = account;
        this.region = region;
        this.events = events;
        this.clock = clock;
        this.eventJson = new JobEvents(account, region);
        this.transcoder = new Transcoder(ffmpeg);
        this.inputJoin = new InputJoin(transcoder);
        this.probe = new FfmpegMediaProbe(ffmpeg, PROBE_TIMEOUT);
        this.store = new JobStore(workDirectory.resolve("jobs"));
        this.worker = Thread.ofPlatform().name("mediaconvert-worker").daemon().unstarted(this::runJobs);
    }

    /** Takes in the jobs kept from before; those not finished wait in the queue, ahead of any new one. */
    private void restore() {
        List<JobStore.Stored> stored = new ArrayList<>(store.load(problem -> System.err.println("[mediaconvert] "
                + problem)));
        stored.sort(Comparator.comparing((JobStore.Stored kept) -> kept.job().createdAt())
                .thenComparing(kept -> kept.job().id()));
        for (JobStore.Stored kept : stored) {
            EmulatedJob job = kept.job();
            jobs.put(job.id(), job);
            created.add(job);
            job.spec().clientRequestToken().ifPresent(token -> byToken.put(token, job));
            if (!kept.unannounced().isEmpty()) {
                unannounced.add(kept);
            }
            if (!job.finished()) {
                streamOf(job).ifPresent(stream -> NamedPipeIntermediates.renew(stream.pipe()));
                queue.add(job);
            }
        }
    }

    /**
     * Starts the emulator on a free loopback port, working at once: jobs kept in {@code workDirectory} from
     * before are answered for, their unsent events sent and the unfinished ones run again.
     *
     * @param ffmpeg        the ffmpeg executable jobs run
     * @param s3            a client of the S3 that holds inputs and receives outputs
     * @param workDirectory where jobs keep their files while they run
     * @param accountId     the account in ARNs and events ({@code 000000000000} locally)
     * @param region        the region in ARNs and events ({@code us-east-1} locally)
     * @param events        receives each job state change event, as EventBridge's JSON
     */
    public static MediaConvertEmulator start(Path ffmpeg, S3Client s3, Path workDirectory, String accountId,
            String region, Consumer<String> events) {
        return start(ffmpeg, s3, workDirectory, accountId, region, events, Clock.systemUTC());
    }

    /** As {@link #start(Path, S3Client, Path, String, String, Consumer)}, jobs and events telling time by {@code clock}. */
    public static MediaConvertEmulator start(Path ffmpeg, S3Client s3, Path workDirectory, String accountId,
            String region, Consumer<String> events, Clock clock) {
        return start(ffmpeg, s3, workDirectory, accountId, region, events, 0, clock);
    }

    static MediaConvertEmulator start(Path ffmpeg, S3Client s3, Path workDirectory, String accountId, String region,
            Consumer<String> events, int port, Clock clock) {
        MediaConvertEmulator emulator = open(ffmpeg, s3, workDirectory, accountId, region, events, port, clock);
        emulator.work();
        return emulator;
    }

    /**
     * As {@link #start(Path, S3Client, Path, String, String, Consumer, Clock)}, but holding every job and event
     * until {@link #work()}: the API answers (jobs of before included) and accepts jobs meanwhile. For a sink
     * that is not ready to take events yet (the embedded stack's bus, before its functions are wired), and for
     * a process that must leave the jobs of a stack alone ({@code ./reelforge invoke}).
     */
    public static MediaConvertEmulator open(Path ffmpeg, S3Client s3, Path workDirectory, String accountId,
            String region, Consumer<String> events, Clock clock) {
        return open(ffmpeg, s3, workDirectory, accountId, region, events, 0, clock);
    }

    private static MediaConvertEmulator open(Path ffmpeg, S3Client s3, Path workDirectory, String accountId,
            String region, Consumer<String> events, int port, Clock clock) {
        try {
            Files.createDirectories(workDirectory);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            MediaConvertEmulator emulator = new MediaConvertEmulator(server, executor, ffmpeg, s3, workDirectory,
                    accountId, region, events, clock);
            emulator.restore();
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the MediaConvert emulator cannot start", e);
        }
    }

    /**
     * Starts working (once): sends the events jobs of before a restart still owed, then runs the queued jobs,
     * the unfinished ones of before first.
     */
    public void work() {
        synchronized (this) {
            if (working || closed) {
                return;
            }
            working = true;
        }
        for (JobStore.Stored kept : unannounced) {
            EmulatedJob job = kept.job();
            synchronized (job) {
                boolean sent = true;
                for (String event : kept.unannounced()) {
                    sent &= publish(job, event);
                }
                if (sent) {
                    keep(job, List.of());
                }
            }
        }
        unannounced.clear();
        worker.start();
    }

    /**
     * Where a writer makes the pipe of a job's streamed input ({@link NamedPipeIntermediates}: the embedded stack's
     * render worker); created by the first pipe.
     */
    public Path intermediatePipes() {
        return pipes;
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Stops serving and working; a job running is abandoned (its ffmpeg ended, no further event from this
     * emulator): it stays PROGRESSING in its directory and runs again when an emulator works on it next.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        httpExecutor.close();
        worker.interrupt();
        jobs.values().forEach(EmulatedJob::abandon);
        // a worker never told to work (./reelforge invoke, the benchmarks) has nothing to wait for
        if (worker.getState() != Thread.State.NEW) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        uploads.close();
    }

    // ---- the API

    private record Response(int status, Optional<String> errorType, JsonNode body) {

        static Response ok(int status, JsonNode body) {
            return new Response(status, Optional.empty(), body);
        }

        static Response error(int status, String type, String message) {
            ObjectNode body = Json.object();
            body.put("message", message);
            return new Response(status, Optional.of(type), body);
        }
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        Response response;
        try {
            response = respond(exchange);
        } catch (InvalidJobException e) {
            response = Response.error(400, "BadRequestException", e.getMessage());
        } catch (RuntimeException | IOException e) {
            System.err.println("[mediaconvert " + requestId + "] " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " failed: " + e);
            response = Response.error(500, "InternalServerErrorException", "The local MediaConvert failed: " + e);
        }
        write(exchange, requestId, response);
    }

    private Response respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return Response.error(400, "BadRequestException", "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String jobsPath = API + "/jobs";
        if (path.equals(jobsPath)) {
            return switch (method) {
                case "POST" -> create(body);
                case "GET" -> list(query);
                default -> notAnOperation(method, path);
            };
        }
        if (path.startsWith(jobsPath + "/") && path.indexOf('/', jobsPath.length() + 1) < 0) {
            String id = URLDecoder.decode(path.substring(jobsPath.length() + 1), StandardCharsets.UTF_8);
            return switch (method) {
                case "GET" -> get(id);
                case "DELETE" -> cancel(id);
                default -> notAnOperation(method, path);
            };
        }
        if (path.equals(API + "/endpoints") && method.equals("POST")) {
            ObjectNode endpoints = Json.object();
            endpoints.putArray("endpoints").addObject().put("url", endpoint().toString());
            return Response.ok(200, endpoints);
        }
        return notAnOperation(method, path);
    }

    private static Response notAnOperation(String method, String path) {
        return Response.error(404, "NotFoundException", method + " " + path
                + " is not an operation of the local MediaConvert (it serves CreateJob, GetJob, ListJobs, CancelJob"
                + " and DescribeEndpoints)");
    }

    private Response create(byte[] body) {
        if (body.length == 0) {
            throw new InvalidJobException("The request body is empty; CreateJob takes a JSON object");
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidJobException("The request body is not valid JSON: " + reason);
        }
        JobSpec spec = JobSpec.parse(request);
        OptionalInt piped = streamedAmongSeveral(spec.inputs());
        if (piped.isPresent()) {
            S3Location location = spec.inputs().get(piped.getAsInt()).file();
            throw new InvalidJobException(API_INPUTS + piped.getAsInt() + "/fileInput: " + location.uri()
                    + " is streamed into a pipe of the local MediaConvert, which only a job's sole input may be"
                    + " (streaming is the local MediaConvert's own; MediaConvert reads stored files)");
        }
        EmulatedJob job;
        synchronized (creating) {
            Instant now = clock.instant();
            if (spec.clientRequestToken().isPresent()) {
                EmulatedJob earlier = byToken.get(spec.clientRequestToken().get());
                if (earlier != null && earlier.createdAt().plus(TOKEN_WINDOW).isAfter(now)) {
                    return Response.ok(201, wrap("job", earlier.toJson()));
                }
            }
            String id;
            do {
                id = now.toEpochMilli() + "-" + randomSuffix();
            } while (jobs.containsKey(id));
            job = new EmulatedJob(id, "arn:aws:mediaconvert:" + region + ":" + account + ":jobs/" + id,
                    queueArn(spec.queue()), spec, request, now);
            // kept before it is answered: a job MediaConvert accepted is never lost
            store.save(job, List.of());
            jobs.put(id, job);
            created.add(job);
            spec.clientRequestToken().ifPresent(token -> byToken.put(token, job));
        }
        queue.add(job);
        return Response.ok(201, wrap("job", job.toJson()));
    }

    private String queueArn(Optional<String> queue) {
        String name = queue.orElse("Default");
        return name.startsWith("arn:") ? name : "arn:aws:mediaconvert:" + region + ":" + account + ":queues/" + name;
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private Response get(String id) {
        EmulatedJob job = jobs.get(id);
        return job == null ? noJob(id) : Response.ok(200, wrap("job", job.toJson()));
    }

    private Response cancel(String id) {
        EmulatedJob job = jobs.get(id);
        if (job == null) {
            return noJob(id);
        }
        if (!job.cancel(clock.instant(), this::announce)) {
            return Response.error(409, "ConflictException", "The job " + id + " is " + job.status()
                    + " and can no longer be canceled");
        }
        return Response.ok(202, Json.object());
    }

    private static Response noJob(String id) {
        return Response.error(404, "NotFoundException", "The job " + id + " does not exist");
    }

    private Response list(Map<String, String> query) {
        int maxResults = integer(query, "maxResults", 1, MAX_LIST_RESULTS, MAX_LIST_RESULTS);
        int start = integer(query, "nextToken", 0, Integer.MAX_VALUE, 0);
        String order = query.getOrDefault("order", "DESCENDING");
        if (!order.equals("ASCENDING") && !order.equals("DESCENDING")) {
            throw new InvalidJobException("order: " + order + " is not ASCENDING or DESCENDING");
        }
        Optional<String> status = Optional.ofNullable(query.get("status"));
        Optional<String> queueFilter = Optional.ofNullable(query.get("queue")).map(name -> queueArn(Optional.of(name)));
        List<EmulatedJob> matching = new ArrayList<>(created.stream()
                .filter(job -> status.isEmpty() || job.status().name().equals(status.get()))
                .filter(job -> queueFilter.isEmpty() || job.queue().equals(queueFilter.get()))
                .toList());
        if (order.equals("DESCENDING")) {
            matching.sort(Comparator.comparing(EmulatedJob::createdAt).reversed());
        }
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("jobs");
        matching.stream().skip(start).limit(maxResults).forEach(job -> items.add(job.toJson()));
        if (start + maxResults < matching.size()) {
            page.put("nextToken", String.valueOf(start + maxResults));
        }
        return Response.ok(200, page);
    }

    private static int integer(Map<String, String> query, String name, int min, int max, int fallback) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidJobException(name + ": " + text + " is not valid here");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode wrapper = Json.object();
        wrapper.set(name, value);
        return wrapper;
    }

    private static void write(HttpExchange exchange, String requestId, Response response) {
        try (exchange) {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            response.errorType().ifPresent(type -> exchange.getResponseHeaders().set("x-amzn-ErrorType", type));
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    // ---- events

    /**
     * Announces a change of the job, under its lock. A change of status is kept first, with its event as owed,
     * and the event marked sent once the sink took it; a progress update is only sent (a run cut short starts
     * over and sends its own).
     */
    private void announce(EmulatedJob job, String status, ObjectNode detail) {
        String event = eventJson.event(job, status, detail, clock.instant());
        if (status.equals("STATUS_UPDATE")) {
            publish(job, event);
            return;
        }
        boolean kept = keep(job, List.of(event));
        if (publish(job, event) && kept) {
            keep(job, List.of());
        }
    }

    private boolean publish(EmulatedJob job, String event) {
        try {
            events.accept(event);
            return true;
        } catch (RuntimeException e) {
            System.err.println("[mediaconvert] the event sink failed on an event of " + job.id() + ": " + e);
            return false;
        }
    }

    private boolean keep(EmulatedJob job, List<String> owed) {
        try {
            store.save(job, owed);
            return true;
        } catch (UncheckedIOException e) {
            System.err.println("[mediaconvert] " + job.id() + " could not be kept: " + e.getMessage());
            return false;
        }
    }

    // ---- the worker

    private void runJobs() {
        while (!closed) {
            EmulatedJob job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            Optional<StreamedInput> stream = streamOf(job);
            if (stream.isPresent()) {
                // its writer waits for it to read: it cannot wait for the jobs ahead of it
                Thread.ofPlatform().name("mediaconvert-stream-" + job.id()).daemon()
                        .start(() -> runJob(job, stream));
            } else if (!runJob(job, Optional.empty())) {
                return;
            }
        }
    }

    /** A streamed input: its pipe, and what its writer stated it streams. */
    private record StreamedInput(Path pipe, MediaInfo stated) {}

    /**
     * The job's input as a stream, when its location has a pipe with a statement; only a job's sole input is read
     * from a pipe (CreateJob refuses a pipe among several inputs).
     */
    private Optional<StreamedInput> streamOf(EmulatedJob job) {
        if (job.spec().inputs().size() != 1) {
            return Optional.empty();
        }
        return NamedPipeIntermediates.pipeOf(pipes, job.spec().first().file().uri())
                .flatMap(pipe -> NamedPipeIntermediates.statementOf(pipe).map(stated -> new StreamedInput(pipe, stated)));
    }

    /**
     * The first of a job's several inputs that a writer streams into a pipe (a pipe with a statement, as
     * {@link #streamOf} reads); none for a job of one input, whose input may be streamed.
     */
    private OptionalInt streamedAmongSeveral(List<InputSpec> inputs) {
        if (inputs.size() < 2) {
            return OptionalInt.empty();
        }
        return IntStream.range(0, inputs.size())
                .filter(n -> NamedPipeIntermediates.pipeOf(pipes, inputs.get(n).file().uri())
                        .flatMap(NamedPipeIntermediates::statementOf).isPresent())
                .findFirst();
    }

    /** Runs the job to its end, or until the emulator closes or is interrupted (false). */
    private boolean runJob(EmulatedJob job, Optional<StreamedInput> stream) {
        Path directory = workDirectory.resolve(job.id());
        // what a run cut short by a kill left behind
        deleteRecursively(directory);
        try {
            run(job, directory, stream);
            return true;
        } catch (InterruptedException e) {
            return false;
        } catch (JobFailedException | RuntimeException e) {
            if (closed) {
                // abandoned by close(): its ffmpeg was ended, which is no failure of the job
                return false;
            }
            int code = e instanceof JobFailedException failed ? failed.code() : JobFailedException.UNKNOWN;
            String message = e instanceof JobFailedException ? e.getMessage() : "Unknown Error: " + e;
            job.fail(clock.instant(), code, message, this::announce);
            return true;
        } finally {
            deleteRecursively(directory);
            if (job.finished()) {
                stream.ifPresent(streamed -> NamedPipeIntermediates.remove(streamed.pipe()));
            }
        }
    }

    private void run(EmulatedJob job, Path directory, Optional<StreamedInput> stream)
            throws JobFailedException, InterruptedException {
        if (!job.start(clock.instant(), this::announce)) {
            return;
        }
        JobSpec spec = job.spec();
        try {
            Files.createDirectories(directory.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<InputSpec> inputSpecs = spec.inputs();
        OptionalInt piped = streamedAmongSeveral(inputSpecs);
        if (piped.isPresent()) {
            // a pipe made after CreateJob, which refuses a streamed input among several
            throw new JobFailedException(JobFailedException.INPUT_ERROR, "Input Error: "
                    + inputSpecs.get(piped.getAsInt()).file().uri()
                    + " is streamed, which only a job's sole input may be in the local MediaConvert");
        }
        List<Path> inputFiles = new ArrayList<>();
        for (InputSpec each : inputSpecs) {
            String prefix = inputSpecs.size() == 1 ? "input-" : "input-" + inputFiles.size() + "-";
            inputFiles.add(stream.isPresent() ? stream.get().pipe()
                    : download(each.file(), directory.resolve(prefix + each.file().fileName()), "input"));
        }
        Map<String, Path> images = new HashMap<>();
        List<Overlay> overlays = new ArrayList<>();
        inputSpecs.forEach(each -> overlays.addAll(each.overlays()));
        spec.groups().forEach(group -> group.outputs().forEach(output ->
                output.video().ifPresent(video -> overlays.addAll(video.overlays()))));
        for (Overlay overlay : overlays) {
            if (!images.containsKey(overlay.image().uri())) {
                images.put(overlay.image().uri(), download(overlay.image(),
                        directory.resolve("image-" + images.size() + "-" + overlay.image().fileName()), "image"));
            }
        }
        List<MediaInfo> infos = new ArrayList<>();
        for (int n = 0; n < inputFiles.size(); n++) {
            S3Location location = inputSpecs.get(n).file();
            infos.add(stream.isPresent() ? stream.get().stated()
                    : switch (probe.probe(inputFiles.get(n))) {
                        case ProbeResult.Probed probed -> probed.info();
                        case ProbeResult.Unreadable unreadable -> throw new JobFailedException(
                                JobFailedException.INPUT_ERROR, "Input Error: " + location.uri() + " is "
                                        + unreadable.reason());
                    });
        }
        List<OutputSpec> outputs = spec.groups().stream().flatMap(group -> group.outputs().stream()).toList();
        S3Location inputLocation = spec.first().file();
        if (stream.isPresent() && outputs.stream().anyMatch(OutputSpec::isFrameCapture)) {
            throw new JobFailedException(JobFailedException.INPUT_ERROR, "Input Error: " + inputLocation.uri()
                    + " is streamed, read once, and cannot also feed frame captures");
        }
        boolean video = outputs.stream().anyMatch(output -> output.video().isPresent());
        boolean audio = outputs.stream().anyMatch(output -> output.audio().isPresent());
        for (int n = 0; n < infos.size(); n++) {
            String uri = inputSpecs.get(n).file().uri();
            if (!infos.get(n).hasVideo() && video) {
                throw new JobFailedException(JobFailedException.VIDEO_ERROR, "Video Error: " + uri
                        + " has no video stream, and the job has video outputs");
            }
            if (!infos.get(n).hasAudio() && audio) {
                throw new JobFailedException(JobFailedException.AUDIO_ERROR, "Audio Error: " + uri
                        + " has no audio stream, and the job has audio outputs");
            }
        }
        if (!job.progress(Phase.TRANSCODING, 0, PROBED, 0, true, this::announce)) {
            return;
        }
        // One ffmpeg for the files (the deliverable and renditions), one for the frame captures: each decodes the
        // input once for all its outputs. Captures run apart because they need a variable frame rate sync, which
        // ffmpeg sets for a whole process; they end as soon as their last frame is taken.
        List<List<Transcoder.Target>> runs = new ArrayList<>();
        for (boolean captures : new boolean[] {false, true}) {
            List<Transcoder.Target> run = new ArrayList<>();
            for (OutputSpec output : outputs) {
                if (output.isFrameCapture() == captures) {
                    run.add(target(spec, directory, output));
                }
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        // Several inputs are first joined into one file, each with its own overlays, which the outputs are then
        // encoded from as from a single input: every output, the frame captures too, reads the joined timeline.
        int joins = inputSpecs.size() > 1 ? 1 : 0;
        Transcoder.Input input;
        MediaInfo info;
        List<Overlay> inputOverlays;
        long[] frames = {0};
        if (joins == 0) {
            input = stream.isPresent() ? Transcoder.Input.streamed(inputFiles.getFirst())
                    : Transcoder.Input.stored(inputFiles.getFirst());
            info = infos.getFirst();
            inputOverlays = spec.first().overlays();
        } else {
            int[] announced = {job.percent()};
            InputJoin.Joined joined = inputJoin.join(inputFiles, infos,
                    inputSpecs.stream().map(InputSpec::overlays).toList(), images, video, audio, directory,
                    progress(job, 0, 0, 1 + runs.size(), frames, announced, Optional.empty()));
            if (job.finished()) {
                return;
            }
            System.err.println("[mediaconvert] " + job.id() + " joined its " + inputFiles.size() + " inputs "
                    + joined.how());
            input = Transcoder.Input.stored(joined.file());
            info = switch (probe.probe(joined.file())) {
                case ProbeResult.Probed probed -> probed.info();
                case ProbeResult.Unreadable unreadable -> throw new JobFailedException(JobFailedException.UNKNOWN,
                        "Joining the " + inputFiles.size() + " inputs wrote a file ffmpeg cannot read: "
                                + unreadable.reason());
            };
            inputOverlays = List.of();
        }
        long joinedFrames = frames[0];
        Map<OutputSpec, List<Path>> written = new LinkedHashMap<>();
        Map<OutputSpec, Optional<MediaInfo>> probed = new HashMap<>();
        // A streamed input that ends short of its stated length lost its writer (a worker killed or stopped
        // mid-composition): the job reads the pipe again from the start, for the worker's retry to compose into it.
        // A writer that fails for good cancels the job instead; one that never comes back ends it by the watch.
        while (true) {
            frames[0] = joinedFrames;
            for (int i = 0; i < runs.size(); i++) {
                int[] announced = {job.percent()};
                StreamWatch watch = new StreamWatch(stream.isPresent());
                try {
                    written.putAll(transcoder.encode(input, info, inputOverlays, images, runs.get(i), directory,
                            "run-" + i, progress(job, frames[0], joins + i, joins + runs.size(), frames, announced,
                                    Optional.of(watch))));
                } catch (JobFailedException failed) {
                    throw watch.failure().orElse(failed);
                }
                if (job.finished()) {
                    return;
                }
            }
            written.forEach((output, files) -> probed.put(output, probe.probe(files.getLast())
                    instanceof ProbeResult.Probed found ? Optional.of(found.info()) : Optional.empty()));
            if (stream.isEmpty() || whole(info, probed)) {
                break;
            }
            written.clear();
            probed.clear();
        }
        if (!job.progress(Phase.UPLOADING, 0, TRANSCODED, frames[0], true, this::announce)) {
            return;
        }
        ArrayNode details = Json.MAPPER.createArrayNode();
        for (GroupSpec group : spec.groups()) {
            ObjectNode groupDetail = details.addObject();
            ArrayNode outputDetails = groupDetail.putArray("outputDetails");
            for (OutputSpec output : group.outputs()) {
                List<Path> files = written.get(output);
                String last = null;
                for (int capture = 0; capture < files.size(); capture++) {
                    if (job.finished()) {
                        // canceled: nothing more is written
                        return;
                    }
                    String key = Destinations.key(group.destination(), inputLocation, output, capture);
                    uploads.put(files.get(capture), group.destination().bucket(), key, contentType(output));
                    last = "s3://" + group.destination().bucket() + "/" + key;
                }
                outputDetails.add(outputDetail(output, probed.get(output), last, info));
            }
            groupDetail.put("type", "FILE_GROUP");
        }
        job.complete(clock.instant(), details, this::announce);
    }

    /**
     * Reports a step of the transcoding (step {@code done} of {@code count}: the join of several inputs, then each
     * ffmpeg run), its frames counted on from {@code before} into {@code frames}, a STATUS_UPDATE announced every
     * {@link #ANNOUNCE_STEP} points from {@code announced}.
     */
    private Transcoder.Control progress(EmulatedJob job, long before, int done, int count, long[] frames,
            int[] announced, Optional<StreamWatch> watch) {
        return new Transcoder.Control() {
            @Override
            public void started(Process process) {
                job.running(process);
                watch.ifPresent(streamed -> streamed.started(process));
            }

            @Override
            public void progress(double fraction, long outputFrames) {
                watch.ifPresent(StreamWatch::flowing);
                double transcoded = (done + fraction) / count;
                int percent = PROBED + (int) Math.floor((TRANSCODED - PROBED) * transcoded);
                frames[0] = before + outputFrames;
                boolean announce = percent >= announced[0] + ANNOUNCE_STEP;
                if (announce) {
                    announced[0] = percent;
                }
                job.progress(Phase.TRANSCODING, (int) Math.floor(100 * transcoded), percent, frames[0], announce,
                        MediaConvertEmulator.this::announce);
            }
        };
    }

    /**
     * Whether a streamed input came through whole: every output as long as its writer stated, give or take a frame's
     * rounding.
     */
    private static boolean whole(MediaInfo stated, Map<OutputSpec, Optional<MediaInfo>> written) {
        double expected = stated.duration().orElse(0);
        return written.values().stream().allMatch(output -> output.flatMap(info -> info.duration().isPresent()
                ? Optional.of(info.duration().getAsDouble()) : Optional.empty()).orElse(expected)
                >= expected - STREAM_LENGTH_TOLERANCE);
    }

    /**
     * Ends a streamed input's ffmpeg when no frame came through within {@link #STREAM_WRITER_WAIT} of its start: its
     * writer is not coming (the render it was for ended without it).
     */
    private static final class StreamWatch {

        private final boolean streamed;
        private volatile boolean flowing;
        private volatile boolean gaveUp;
        private Thread timer;

        StreamWatch(boolean streamed) {
            this.streamed = streamed;
        }

        void started(Process process) {
            if (streamed) {
                timer = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(STREAM_WRITER_WAIT);
                    } catch (InterruptedException ended) {
                        return;
                    }
                    if (!flowing && process.isAlive()) {
                        gaveUp = true;
                        process.destroyForcibly();
                    }
                });
                process.onExit().thenRun(timer::interrupt);
            }
        }

        void flowing() {
            flowing = true;
        }

        /** Why the run failed, when the watch ended it. */
        Optional<JobFailedException> failure() {
            return gaveUp ? Optional.of(new JobFailedException(JobFailedException.INPUT_ERROR, "Input Error: nothing"
                    + " was streamed into the input within " + STREAM_WRITER_WAIT.toMinutes() + " minutes"))
                    : Optional.empty();
        }
    }

    /** Where an output is encoded: its own directory, under the file name its key ends with. */
    private static Transcoder.Target target(JobSpec spec, Path directory, OutputSpec output) {
        GroupSpec group = spec.groups().get(output.group());
        String key = Destinations.key(group.destination(), spec.first().file(), output, 0);
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        if (output.isFrameCapture()) {
            // ffmpeg's image sequence pattern: a literal % doubled, the capture number as %07d
            fileName = fileName.substring(0, fileName.length() - ("0000000." + output.extension()).length())
                    .replace("%", "%%") + "%07d." + output.extension().replace("%", "%%");
        }
        return new Transcoder.Target(output, directory.resolve("out").resolve(output.group() + "-" + output.index()),
                fileName);
    }

    /** @param written what a probe of the output's (last) file found */
    private static ObjectNode outputDetail(OutputSpec output, Optional<MediaInfo> written, String location,
            MediaInfo input) {
        ObjectNode detail = Json.object();
        detail.putArray("outputFilePaths").add(location);
        double seconds = output.isFrameCapture()
                ? input.duration().orElse(0)
                : written.flatMap(info -> info.duration().isPresent()
                        ? Optional.of(info.duration().getAsDouble()) : Optional.empty())
                        .orElse(input.duration().orElse(0));
        detail.put("durationInMs", Math.round(seconds * 1000));
        written.flatMap(MediaInfo::video).filter(video -> output.video().isPresent()).ifPresent(video -> {
            ObjectNode videoDetails = detail.putObject("videoDetails");
            videoDetails.put("widthInPx", video.width());
            videoDetails.put("heightInPx", video.height());
        });
        return detail;
    }

    private static String contentType(OutputSpec output) {
        return switch (output.extension().toLowerCase(Locale.ROOT)) {
            case "mp4" -> "video/mp4";
            case "mov" -> "video/quicktime";
            case "webm" -> "video/webm";
            case "wav" -> "audio/wav";
            case "gif" -> "image/gif";
            case "mp3" -> "audio/mpeg";
            case "jpg", "jpeg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    private Path download(S3Location location, Path file, String what) throws JobFailedException {
        try {
            s3.getObject(get -> get.bucket(location.bucket()).key(location.key()), ResponseTransformer.toFile(file));
            return file;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new JobFailedException(JobFailedException.NOT_FOUND, "File Open Error: the " + what + " "
                    + location.uri() + " does not exist");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new JobFailedException(JobFailedException.NOT_FOUND, "File Open Error: the " + what + " "
                        + location.uri() + " does not exist");
            }
            if (e.statusCode() == 403) {
                throw new JobFailedException(JobFailedException.PERMISSIONS, "Permissions Issue: S3 denied reading "
                        + location.uri());
            }
            throw new JobFailedException(JobFailedException.INPUT_ERROR, "Input Error: cannot read "
                    + location.uri() + ": " + e.getMessage());
        } catch (SdkException e) {
            throw new JobFailedException(JobFailedException.INPUT_ERROR, "Input Error: cannot read "
                    + location.uri() + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the work directory harms nothing
        }
    }
}
