package dev.reelforge.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.local.lambda.LambdaJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main class of one cold-start child JVM: does what the Lambda Java runtime does for the first
 * invocation of a fresh execution environment, once, and prints how long each part took, measured in
 * this JVM with {@link System#nanoTime()}, as one line on standard output:
 *
 * <pre>COLDSTART init_ns=… deserialize_ns=… handle_ns=… serialize_ns=… status=…</pre>
 *
 * <ul>
 *   <li>init: load the handler class and construct it with its no-arg constructor (which reads
 *       {@code System.getenv()}), as the runtime's init phase does;
 *   <li>deserialize: the event JSON to the handler's input type with aws-lambda-java-serialization;
 *   <li>handle: {@code handleRequest(event, context)};
 *   <li>serialize: the result back to JSON, as the runtime does before posting it.
 * </ul>
 * A handler that is a {@link RequestStreamHandler} is called as the runtime calls one, with the event's bytes and
 * a stream for its answer: the runtime deserializes and serializes nothing, and handle is the whole invocation.
 *
 * Between the parts it loads an empty marker class ({@code ColdStartRunner$Phase…}), so that a run with
 * {@code -Xlog:class+load} tells how many classes each part loaded.
 *
 * <p>Arguments: {@code handlerClass eventFile functionName memoryMb timeoutMillis [breakdown|primed]}; with
 * {@code breakdown} it runs {@link ColdStartBreakdown} instead, which times the submit function's init in
 * finer steps; with {@code primed} it runs the SnapStart priming the handler registered right after init, as
 * Lambda's checkpoint would ({@code priming_ns}), so the first request is timed as after a restore of a primed
 * snapshot (this JDK cannot checkpoint; docs/PERFORMANCE.md, "SnapStart priming").
 */
public final class ColdStartRunner {

    /** The status of a proxy answer written by a stream handler, read without a JSON library the runtime lacks. */
    private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private ColdStartRunner() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ColdStartRunner handlerClass eventFile functionName memoryMb timeoutMillis"
                    + " [breakdown]");
            System.exit(2);
        }
        String handlerClassName = args[0];
        // Reading the event stands for the runtime receiving it from the Runtime API: not timed.
        String eventJson = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        Context context = new BenchContext("00000000-0000-0000-0000-000000000001", args[2],
                "arn:aws:lambda:us-east-1:000000000000:function:" + args[2], Integer.parseInt(args[3]),
                System.nanoTime() + Long.parseLong(args[4]) * 1_000_000L);
        if (args.length > 5 && args[5].equals("breakdown")) {
            ColdStartBreakdown.run(handlerClassName, eventJson, context);
            return;
        }
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseReady");

        long started = System.nanoTime();
        Class<?> handlerClass = Class.forName(handlerClassName);
        Object handler = handlerClass.getConstructor().newInstance();
        long initialized = System.nanoTime();
        long primingNs = 0;
        if (args.length > 5 && args[5].equals("primed")) {
            Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhasePriming");
            long priming = System.nanoTime();
            primeRegistered();
            primingNs = System.nanoTime() - priming;
        }
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseInitialized");

        Invocation invocation = handler instanceof RequestStreamHandler streams
                ? throughStreams(streams, eventJson, context)
                : throughSerializer(handler, eventTypeOf(handlerClass), eventJson, context);
        System.out.println("COLDSTART init_ns=" + (initialized - started)
                + " deserialize_ns=" + invocation.deserializeNs()
                + " handle_ns=" + invocation.handleNs()
                + " serialize_ns=" + invocation.serializeNs()
                + " priming_ns=" + primingNs
                + " status=" + invocation.status()
                + " response_bytes=" + invocation.response().length());
        System.out.flush();
    }

    private record Invocation(long deserializeNs, long handleNs, long serializeNs, int status, String response) {}

    /** As the runtime calls a POJO handler: its serializer reads the event and writes the result. */
    private static Invocation throughSerializer(Object handler, Class<?> eventType, String eventJson, Context context) {
        long deserializing = System.nanoTime();
        Object event = LambdaJson.fromJson(eventJson, eventType);
        long deserialized = System.nanoTime();
        loadMarker("PhaseDeserialized");

        long handling = System.nanoTime();
        @SuppressWarnings("unchecked")
        Object result = ((RequestHandler<Object, Object>) handler).handleRequest(event, context);
        long handled = System.nanoTime();
        loadMarker("PhaseHandled");

        long serializing = System.nanoTime();
        String response = LambdaJson.toJson(result);
        long serialized = System.nanoTime();
        loadMarker("PhaseSerialized");

        int status = result instanceof APIGatewayProxyResponseEvent proxy && proxy.getStatusCode() != null
                ? proxy.getStatusCode() : -1;
        return new Invocation(deserialized - deserializing, handled - handling, serialized - serializing, status,
                response);
    }

    /** As the runtime calls a stream handler: the event's bytes in, the answer's bytes out, nothing converted. */
    private static Invocation throughStreams(RequestStreamHandler handler, String eventJson, Context context)
            throws IOException {
        byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
        loadMarker("PhaseDeserialized");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        long handling = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), answer, context);
        long handled = System.nanoTime();
        loadMarker("PhaseHandled");
        loadMarker("PhaseSerialized");
        String response = answer.toString(StandardCharsets.UTF_8);
        Matcher status = STATUS_CODE.matcher(response);
        return new Invocation(0, handled - handling, 0, status.find() ? Integer.parseInt(status.group(1)) : -1,
                response);
    }

    private static void loadMarker(String phase) {
        try {
            Class.forName("dev.reelforge.local.bench.ColdStartRunner$" + phase);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In its own method: the hello-world's classpath has no {@code Priming}, and never gets here. */
    private static void primeRegistered() {
        dev.reelforge.runtime.priming.Priming.primeRegistered();
    }

    /** The {@code I} of the handler's {@code RequestHandler<I, O>}, as the runtime finds it. */
    static Class<?> eventTypeOf(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> eventClass) {
                    return eventClass;
                }
            }
        }
        throw new IllegalStateException(handlerClass.getName() + " does not implement RequestHandler<I, O>");
    }

    // Empty marker classes: their loading shows up in -Xlog:class+load between the phases.
    static final class PhaseReady {}

    static final class PhasePriming {}

    static final class PhaseInitialized {}

    static final class PhaseDeserialized {}

    static final class PhaseHandled {}

    static final class PhaseSerialized {}
}
