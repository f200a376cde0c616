package dev.reelforge.local;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbCreditBalances;
import dev.reelforge.aws.dynamodb.DynamoDbOAuthClients;
import dev.reelforge.aws.dynamodb.DynamoDbPicovicoApps;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookSecrets;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.local.apigateway.ApiGatewayEmulator;
import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.control.ControlServer;
import dev.reelforge.local.events.AsyncInvoker;
import dev.reelforge.local.events.DynamoDbStreamPoller;
import dev.reelforge.local.events.LocalEventBus;
import dev.reelforge.local.events.LocalScheduler;
import dev.reelforge.local.events.S3EventNotifications;
import dev.reelforge.local.events.SqsQueuePoller;
import dev.reelforge.local.events.StreamWakeups;
import dev.reelforge.local.events.TableStreamReader;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.s3.LifecycleApplier;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.QueueDefinition;
import dev.reelforge.local.template.QueueEventDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.local.template.StreamEventDefinition;
import dev.reelforge.local.template.TableDefinition;
import dev.reelforge.media.BundledFfmpeg;
import java.net.URI;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole of Reelforge on one machine: the local AWS services, every function of template.yaml
 * initialized against them and wired to its event sources (API routes, the renders stream, EventBridge
 * rules, schedules, S3 object-created notifications, SQS queues), the buckets' lifecycle rules, and a seeded
 * development account, described in {@code DATA_DIR/local.json}. Everything tells time by the stack's {@link LocalClock},
 * which a test (or {@code ./reelforge clock advance}) moves forward.
 */
public final class LocalStack implements AutoCloseable {

    /** The parameter of template.yaml naming the one origin the Shotstack API allows (CORS). */
    static final String DASHBOARD_ORIGIN = "DashboardOrigin";

    /** The table of template.yaml in which the development account is seeded. */
    static final String ACCOUNTS_TABLE = "AccountsTable";
    /** Lambda retries an asynchronous invocation after one and two minutes; locally, after seconds. */
    static final List<Duration> ASYNC_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Where the asynchronous invocations accepted and not yet finished are kept, under the data directory. */
    static final String INVOCATIONS_DIRECTORY = "invocations";
    /** The name local.json gives the stack's control endpoint among its services. */
    public static final String CONTROL_SERVICE = "control";

    /**
     * @param ffmpeg             the ffmpeg to run; empty for the bundled static build (or {@code FFMPEG} of the
     *                           environment)
     * @param parameterOverrides values for template.yaml's parameters, as {@code sam deploy} takes them; the
     *                           temporary URL key's parameters default to the data directory's key
     *                           ({@link LocalSigningKey})
     */
    public record Options(Path template, Path dataDirectory, int apiPort, Consumer<String> log,
            boolean allowLoopbackSources, Optional<Path> ffmpeg, Map<String, String> parameterOverrides) {

        public Options {
            parameterOverrides = Map.copyOf(parameterOverrides);
        }

        public Options(Path template, Path dataDirectory, int apiPort, Consumer<String> log) {
            this(template, dataDirectory, apiPort, log, true, Optional.empty(), Map.of());
        }

        public Options withParameters(Map<String, String> overrides) {
            return new Options(template, dataDirectory, apiPort, log, allowLoopbackSources, ffmpeg, overrides);
        }
    }

    private final DataDirectoryLock lock;
    private final LocalClock clock;
    private final EmbeddedServices services;
    private final Map<String, LocalFunction> functions;
    private final List<AutoCloseable> eventSources;
    private final LocalScheduler scheduler;
    private final AsyncInvoker invoker;
    private final ApiGatewayEmulator api;
    private final ControlServer control;
    private final LocalDescriptor descriptor;
    private final SamTemplate template;
    private final Path ffmpeg;

    private LocalStack(DataDirectoryLock lock, LocalClock clock, EmbeddedServices services,
            Map<String, LocalFunction> functions, List<AutoCloseable> eventSources, LocalScheduler scheduler,
            AsyncInvoker invoker, ApiGatewayEmulator api, ControlServer control, LocalDescriptor descriptor,
            SamTemplate template, Path ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.lock = lock;
        this.clock = clock;
        this.invoker = invoker;
        this.control = control;
        this.services = services;
        this.functions = functions;
        this.eventSources = eventSources;
        this.scheduler = scheduler;
        this.api = api;
        this.descriptor = descriptor;
        this.template = template;
    }

    public static LocalStack start(Options options) {
        Path dataDirectory = options.dataDirectory();
        DataDirectoryLock lock = DataDirectoryLock.tryAcquire(dataDirectory)
                .orElseThrow(() -> new IllegalStateException("another embedded stack is running on "
                        + dataDirectory.toAbsolutePath() + "; stop it or pass another --data-dir"));
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            LocalClock clock = LocalClock.open(dataDirectory);
            LocalSigningKey signingKey = LocalSigningKey.ensure(dataDirectory);
            SamTemplate loaded = LocalTemplate.load(options.template(), dataDirectory, signingKey,
                    options.parameterOverrides());
            Path ffmpeg = ffmpeg(options, dataDirectory);
            AtomicReference<LocalEventBus> bus = new AtomicReference<>();
            AtomicReference<S3EventNotifications> notifications = new AtomicReference<>();
            EmbeddedServices services = EmbeddedServices.start(dataDirectory, loaded, ffmpeg, event -> {
                LocalEventBus ready = bus.get();
                if (ready == null) {
                    // refused, not dropped: the emulator keeps the event owed and sends it at the next start
                    throw new IllegalStateException("the event bus is not wired yet");
                }
                ready.publish(event);
            }, signingKey, clock, created -> {
                S3EventNotifications ready = notifications.get();
                if (ready != null) {
                    ready.accept(created);
                }
            });
            opened.add(services);
            SamTemplate template = loaded.withQueueEndpoint(services.endpoints().sqs());
            LocalRuntime runtime = new LocalRuntime(ffmpeg, dataDirectory.resolve("work"), options.allowLoopbackSources(),
                    Optional.of(services.intermediatePipes()));
            Map<String, LocalFunction> functions = initialize(template, services.endpoints(), runtime, clock,
                    options.log());
            MusicLibrarySeed.ensure(template, services.endpoints(), runtime, clock, options.log());

            AsyncInvoker invoker = new AsyncInvoker(ASYNC_RETRY_DELAYS, options.log(),
                    dataDirectory.resolve(INVOCATIONS_DIRECTORY));
            opened.add(invoker);
            bus.set(new LocalEventBus(functions.values(), invoker));
            notifications.set(new S3EventNotifications(template.buckets(), functions.values(), invoker,
                    StackIdentity.LOCAL, options.log()));
            // What a killed stack left unfinished: the asynchronous invocations it had accepted, then the
            // MediaConvert jobs and the events they owed (now that the bus can take them).
            int resumed = invoker.resume(functions);
            if (resumed > 0) {
                options.log().accept("resumed " + resumed + " asynchronous invocations of before the restart");
            }
            services.runMediaConvertJobs();
            LocalScheduler scheduler = new LocalScheduler(functions.values(), invoker, StackIdentity.LOCAL, clock);
            opened.add(scheduler);
            LifecycleApplier lifecycle = LifecycleApplier.start(template.buckets(), services.s3(), clock,
                    services.objectWrites(), options.log());
            opened.add(lifecycle);
            clock.onAdvance(lifecycle);
            clock.onAdvance(scheduler);
            List<AutoCloseable> eventSources = new ArrayList<>(List.of(invoker, scheduler, lifecycle));
            Map<String, StreamWakeups> wakeups = new HashMap<>();
            for (LocalFunction function : functions.values()) {
                List<StreamWakeups> written = function.definition().writtenTables().stream()
                        .map(table -> wakeups.computeIfAbsent(table, any -> new StreamWakeups())).toList();
                function.afterEachInvocation(() -> written.forEach(StreamWakeups::wake));
            }
            DynamoDbStreamsClient streams = LocalClients.dynamoDbStreams(services.endpoints().dynamoDb());
            opened.add(streams);
            eventSources.add(streams);
            Map<String, TableStreamReader> tableStreams = new HashMap<>();
            for (LocalFunction function : functions.values()) {
                for (StreamEventDefinition stream : function.definition().streamEvents()) {
                    TableStreamReader tableStream = tableStreams.computeIfAbsent(stream.tableLogicalId(),
                            table -> new TableStreamReader(streams,
                                    streamArn(services.dynamoDb(), tableName(template, table)),
                                    wakeups.computeIfAbsent(table, any -> new StreamWakeups())));
                    DynamoDbStreamPoller poller = new DynamoDbStreamPoller(tableStream, stream, function,
                            StackIdentity.LOCAL.region(), dataDirectory.resolve("streams"), options.log());
                    opened.add(poller);
                    eventSources.add(poller);
                }
            }
            // the tables with stream pollers, by logical id: what the control endpoint and the stack's own writes wake
            Map<String, StreamWakeups> streamWakeups = new HashMap<>();
            tableStreams.forEach((table, reader) -> streamWakeups.put(table, reader.wakeups()));
            Map<String, StreamWakeups> streamWakeupsByTableName = new HashMap<>();
            streamWakeups.forEach((table, tableWakeups) ->
                    streamWakeupsByTableName.put(tableName(template, table), tableWakeups));
            services.tableWrites().announceTo(streamWakeupsByTableName);

            for (LocalFunction function : functions.values()) {
                for (QueueEventDefinition queueEvent : function.definition().queueEvents()) {
                    if (queueEvent.enabled()) {
                        QueueDefinition queue = queue(template, queueEvent.queueLogicalId());
                        SqsQueuePoller poller = new SqsQueuePoller(services.sqs(), queue.url(), queue.arn(), queueEvent,
                                function, StackIdentity.LOCAL.region(), options.log());
                        opened.add(poller);
                        eventSources.add(poller);
                    }
                }
            }

            CreatedAccount account = DevelopmentAccount.ensure(
                    new DynamoDbAccounts(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE)),
                    new DynamoDbOAuthClients(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE)),
                    new DynamoDbPicovicoApps(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE)),
                    new DynamoDbCreditBalances(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE)),
                    LocalDescriptor.read(dataDirectory), clock);
            ApiGatewayEmulator api = ApiGatewayEmulator.start(template.apis(), functions, StackIdentity.LOCAL,
                    options.apiPort(), clock, options.log());
            opened.add(api);
            DashboardFiles.publish(template, services.endpoints(), runtime, clock,
                    options.template().toAbsolutePath().getParent().resolve(DashboardFiles.DIRECTORY), api.endpoint());
            ControlServer control = ControlServer.start(clock, streamWakeups, options.log());
            opened.add(control);
            Map<Environment, String> keys = new EnumMap<>(Environment.class);
            account.apiKeys().forEach((environment, key) -> keys.put(environment, key.value()));
            Map<Environment, LocalDescriptor.IbmClient> ibmClients = new EnumMap<>(Environment.class);
            account.ibmClients().forEach((environment, client) -> ibmClients.put(environment,
                    new LocalDescriptor.IbmClient(client.clientId(), client.secret().value())));
            Map<Environment, LocalDescriptor.PicovicoApp> picovicoApps = new EnumMap<>(Environment.class);
            account.picovicoApps().forEach((environment, app) -> picovicoApps.put(environment,
                    new LocalDescriptor.PicovicoApp(app.appId(), app.secret().value())));
            Map<String, URI> endpoints = new LinkedHashMap<>(services.endpoints().byName());
            endpoints.put(CONTROL_SERVICE, control.endpoint());
            String webhookSecret = new DynamoDbWebhookSecrets(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE),
                    new SecureRandom()).active(account.owner(), clock.instant()).getFirst().value();
            LocalDescriptor descriptor = new LocalDescriptor(api.endpoint(), account.owner(), keys, ibmClients, picovicoApps,
                    webhookSecret,
                    endpoints);
            descriptor.write(dataDirectory);
            return new LocalStack(lock, clock, services, functions, eventSources, scheduler, invoker, api, control,
                    descriptor, template, ffmpeg);
        } catch (RuntimeException e) {
            closeAll(opened.reversed());
            lock.close();
            throw e;
        }
    }

    private static Path ffmpeg(Options options, Path dataDirectory) {
        return options.ffmpeg()
                .or(() -> Optional.ofNullable(System.getenv("FFMPEG")).filter(path -> !path.isBlank()).map(Path::of))
                .orElseGet(() -> BundledFfmpeg.extractTo(dataDirectory.resolve("bin")));
    }

    /** Initializes every function of the template, as warm execution environments. */
    static Map<String, LocalFunction> initialize(SamTemplate template, ServiceEndpoints endpoints, LocalRuntime runtime,
            Clock clock, Consumer<String> log) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (FunctionDefinition definition : template.functions()) {
            functions.put(definition.logicalId(), LocalFunction.initialize(definition,
                    FunctionVariables.of(definition, endpoints, StackIdentity.LOCAL, runtime),
                    FunctionVariables.arnOf(definition, StackIdentity.LOCAL), clock, log));
        }
        return functions;
    }

    /** The table's stream, which template.yaml must declare for a function to be triggered by it. */
    private static String streamArn(DynamoDbClient dynamoDb, String tableName) {
        String arn = dynamoDb.describeTable(describe -> describe.tableName(tableName)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("table " + tableName + " has no stream; template.yaml must declare one");
        }
        return arn;
    }

    static String tableName(SamTemplate template, String logicalId) {
        return template.tables().stream()
                .filter(table -> table.logicalId().equals(logicalId))
                .map(TableDefinition::tableName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no table " + logicalId));
    }

    static QueueDefinition queue(SamTemplate template, String logicalId) {
        return template.queues().stream()
                .filter(queue -> queue.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no queue " + logicalId));
    }

    /** The URL of one of template.yaml's queues ({@code !Ref X}). */
    public String queueUrl(String logicalId) {
        return queue(template, logicalId).url();
    }

    public LocalDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The stack's time, which every part of it reads; {@code clock().advance(Duration.ofHours(25))} moves it a
     * day and an hour forward and applies the lifecycle rules before it returns.
     */
    public LocalClock clock() {
        return clock;
    }

    /**
     * Waits until no asynchronous invocation (EventBridge, schedules, S3 notifications, retries included) is
     * queued or running.
     *
     * @return false when some were still in flight after {@code timeout}
     */
    public boolean awaitAsyncInvocations(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (invoker.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public URI apiUrl() {
        return api.endpoint();
    }

    /** The ffmpeg the stack runs (the MediaConvert emulator's and the functions'). */
    public Path ffmpeg() {
        return ffmpeg;
    }

    public EmbeddedServices services() {
        return services;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        return function;
    }

    public String tableName(String logicalId) {
        return tableName(template, logicalId);
    }

    /** Runs a function's schedules now, as if their period had come round (asynchronously, as on AWS). */
    public void fireSchedules(String logicalId) {
        LocalFunction function = function(logicalId);
        function.definition().scheduleEvents().forEach(schedule -> scheduler.fire(function, schedule));
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(control);
        parts.add(api);
        parts.addAll(eventSources.reversed());
        parts.add(services);
        try {
            closeAll(parts);
        } finally {
            lock.close();
        }
    }

    private static void closeAll(List<AutoCloseable> parts) {
        RuntimeException first = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
