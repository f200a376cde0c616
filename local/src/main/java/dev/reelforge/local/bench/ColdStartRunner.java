package dev.reelforge.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.local.lambda.LambdaJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Class<?> eventType = eventTypeOf(handlerClass);
        long initialized = System.nanoTime();
        long primingNs = 0;
        if (args.length > 5 && args[5].equals("primed")) {
            Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhasePriming");
            long priming = System.nanoTime();
            primeRegistered();
            primingNs = System.nanoTime() - priming;
        }
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseInitialized");

        long deserializing = System.nanoTime();
        Object event = LambdaJson.fromJson(eventJson, eventType);
        long deserialized = System.nanoTime();
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseDeserialized");

        long handling = System.nanoTime();
        @SuppressWarnings("unchecked")
        Object result = ((RequestHandler<Object, Object>) handler).handleRequest(event, context);
        long handled = System.nanoTime();
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseHandled");

        long serializing = System.nanoTime();
        String response = LambdaJson.toJson(result);
        long serialized = System.nanoTime();
        Class.forName("dev.reelforge.local.bench.ColdStartRunner$PhaseSerialized");

        int status = result instanceof APIGatewayProxyResponseEvent proxy && proxy.getStatusCode() != null
                ? proxy.getStatusCode() : -1;
        System.out.println("COLDSTART init_ns=" + (initialized - started)
                + " deserialize_ns=" + (deserialized - deserializing)
                + " handle_ns=" + (handled - handling)
                + " serialize_ns=" + (serialized - serializing)
                + " priming_ns=" + primingNs
                + " status=" + status
                + " response_bytes=" + response.length());
        System.out.flush();
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
