package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.lambda.FunctionErrorException;
import dev.reelforge.local.lambda.FunctionTimeoutException;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.media.BundledFfmpeg;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reelforge invoke <FunctionLogicalId> -e events/...json}: what {@code sam local invoke} does,
 * without Docker. Against the running embedded stack of the data directory if there is one, otherwise
 * against its services started just for this invocation; either way the function tells time by the data
 * directory's clock (see {@link LocalClock}).
 */
final class InvokeCommand {

    private InvokeCommand() {}

    static int run(CommandLine options) throws IOException {
        if (options.positional().size() != 1 || options.option("e").isEmpty()) {
            System.err.println("usage: reelforge invoke <FunctionLogicalId> -e <event.json> [--data-dir DIR]");
            return 2;
        }
        String logicalId = options.positional().getFirst();
        LocalSigningKey signingKey = LocalSigningKey.ensure(options.dataDirectory());
        SamTemplate template = LocalTemplate.load(options.template(), options.dataDirectory(), signingKey, Map.of());
        Optional<FunctionDefinition> definition = template.function(logicalId);
        if (definition.isEmpty()) {
            System.err.println("template.yaml has no function " + logicalId + "; it has "
                    + template.functions().stream().map(FunctionDefinition::logicalId).toList());
            return 2;
        }
        String event = Files.readString(Path.of(options.option("e").get()), StandardCharsets.UTF_8);
        Optional<DataDirectoryLock> lock = DataDirectoryLock.tryAcquire(options.dataDirectory());
        if (lock.isEmpty()) {
            LocalDescriptor descriptor = LocalDescriptor.read(options.dataDirectory())
                    .orElseThrow(() -> new IllegalStateException("a stack holds " + options.dataDirectory()
                            + " but its local.json is unreadable"));
            ServiceEndpoints endpoints = ServiceEndpoints.fromNames(descriptor.services());
            LocalCredentials.installAsDefault();
            int status = invoke(onQueuesOf(template, endpoints, logicalId), endpoints, runtime(options),
                    LocalClock.open(options.dataDirectory()), event);
            announceWrites(Optional.ofNullable(descriptor.services().get(LocalStack.CONTROL_SERVICE)),
                    definition.get());
            return status;
        }
        LocalClock clock = LocalClock.open(options.dataDirectory());
        try (DataDirectoryLock held = lock.get();
                EmbeddedServices services = EmbeddedServices.start(options.dataDirectory(), template,
                        runtime(options).ffmpeg(), mediaConvertEvent -> System.err.println(
                                "[invoke] no stack is running, so this MediaConvert event reaches no function: "
                                        + mediaConvertEvent), signingKey, clock, created -> System.err.println(
                                "[invoke] no stack is running, so the S3 event of " + created.key()
                                        + " reaches no function"))) {
            return invoke(onQueuesOf(template, services.endpoints(), logicalId), services.endpoints(), runtime(options),
                    clock, event);
        }
    }

    /**
     * Tells the running stack that the function, run in this process, may have written to its tables, so that their
     * stream pollers read at once, as after a run of the stack's own; otherwise they would find the records only at
     * their idle read, seconds later.
     */
    private static void announceWrites(Optional<URI> control, FunctionDefinition function) {
        if (function.writtenTables().isEmpty() || control.isEmpty()) {
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode tables = body.putArray("tables");
        function.writtenTables().forEach(tables::add);
        HttpRequest request = HttpRequest.newBuilder(control.get().resolve("/streams/wake"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                System.err.println("[invoke] the running stack did not take the function's writes: "
                        + response.body());
            }
        } catch (IOException e) {
            System.err.println("[invoke] the running stack could not be told of the function's writes (" + e
                    + "); its stream consumers find them at their next idle read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The function with its queue URLs ({@code !Ref}) naming the SQS service it will use. */
    private static FunctionDefinition onQueuesOf(SamTemplate template, ServiceEndpoints endpoints, String logicalId) {
        SamTemplate resolved = endpoints.sqs() == null ? template : template.withQueueEndpoint(endpoints.sqs());
        return resolved.function(logicalId).orElseThrow();
    }

    private static LocalRuntime runtime(CommandLine options) {
        return new LocalRuntime(BundledFfmpeg.extractTo(options.dataDirectory().resolve("bin")),
                options.dataDirectory().resolve("work"), true);
    }

    static int invoke(FunctionDefinition definition, ServiceEndpoints endpoints, LocalRuntime runtime, Clock clock,
            String eventJson) throws IOException {
        LocalFunction function = LocalFunction.initialize(definition,
                FunctionVariables.of(definition, endpoints, StackIdentity.LOCAL, runtime),
                FunctionVariables.arnOf(definition, StackIdentity.LOCAL), clock, System.err::println);
        Object event = LambdaJson.fromJson(eventJson, function.eventType());
        try {
            Object result = function.invoke(event);
            JsonNode response = Json.MAPPER.readTree(LambdaJson.toJson(result));
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(response));
            return 0;
        } catch (FunctionErrorException | FunctionTimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.object()
                    .put("errorType", cause.getClass().getName())
                    .put("errorMessage", String.valueOf(cause.getMessage()))));
            return 1;
        }
    }
}
