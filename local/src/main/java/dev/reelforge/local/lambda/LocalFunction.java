package dev.reelforge.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One function of template.yaml, initialized once as a warm Lambda execution environment would be:
 * its handler class is constructed with the function's own environment variables and the stack's clock
 * (every Reelforge handler has a {@code (FunctionEnvironment)} constructor for this), then invoked in
 * process with a {@link com.amazonaws.services.lambda.runtime.Context} whose deadline is its Timeout. A handler that
 * is also a {@link RequestStreamHandler} is called through its streams, as the Lambda Java runtime calls it: the
 * event written as JSON by the runtime's serializer, the answer read back from the JSON it wrote.
 */
public final class LocalFunction {

    /**
     * Platform threads, not virtual ones: a Lambda execution environment is scheduled by its own share of the CPU,
     * and a virtual thread is never preempted. On virtual threads an invocation busy on the CPU (the worker preparing
     * renders) held one of the few carriers, and every other invocation waiting on a socket (a status read's GetItem)
     * waited for a carrier to be woken: that GetItem's p99 was 1.7x the same call's from a platform thread.
     */
    private static final ExecutorService INVOCATIONS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("function-invocation-", 0).daemon().factory());

    private final FunctionDefinition definition;
    private final RequestHandler<Object, Object> handler;
    private final Class<?> eventType;
    private final Class<?> resultType;
    private final String arn;
    private final Consumer<String> log;
    private volatile Runnable afterEachInvocation = () -> {};

    private LocalFunction(FunctionDefinition definition, RequestHandler<Object, Object> handler, Class<?> eventType,
            Class<?> resultType, String arn, Consumer<String> log) {
        this.definition = definition;
        this.handler = handler;
        this.eventType = eventType;
        this.resultType = resultType;
        this.arn = arn;
        this.log = log;
    }

    /** Initializes a function whose log lines go to standard error. */
    public static LocalFunction initialize(FunctionDefinition definition, Map<String, String> environment,
            String arn) {
        return initialize(definition, environment, arn, System.err::println);
    }

    /** Initializes a function whose log lines (what it writes through its Context's logger) go to {@code log}. */
    public static LocalFunction initialize(FunctionDefinition definition, Map<String, String> environment,
            String arn, Consumer<String> log) {
        return initialize(definition, environment, arn, Clock.systemUTC(), log);
    }

    /** As {@link #initialize(FunctionDefinition, Map, String, Consumer)}, the function telling time by {@code clock}. */
    @SuppressWarnings("unchecked")
    public static LocalFunction initialize(FunctionDefinition definition, Map<String, String> environment,
            String arn, Clock clock, Consumer<String> log) {
        try {
            Class<?> handlerClass = Class.forName(definition.handlerClass());
            Object handler = construct(handlerClass, Map.copyOf(environment), clock);
            if (!(handler instanceof RequestHandler<?, ?>)) {
                throw new IllegalStateException(definition.handlerClass() + " is not a RequestHandler");
            }
            return new LocalFunction(definition, (RequestHandler<Object, Object>) handler,
                    eventTypeOf(handlerClass), handlerTypeArgument(handlerClass, 1), arn, log);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(definition.logicalId() + " failed its init: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.logicalId() + " has no usable handler "
                    + definition.handlerClass() + " with a (FunctionEnvironment) constructor", e);
        }
    }

    private static Object construct(Class<?> handlerClass, Map<String, String> environment, Clock clock)
            throws ReflectiveOperationException {
        return handlerClass.getConstructor(FunctionEnvironment.class)
                .newInstance(new FunctionEnvironment(environment, clock));
    }

    /** The {@code I} of the handler's {@code RequestHandler<I, O>}: what its events deserialize to. */
    static Class<?> eventTypeOf(Class<?> handlerClass) {
        return handlerTypeArgument(handlerClass, 0);
    }

    /**
     * The raw class of type argument {@code index} of the {@code RequestHandler<I, O>} the handler implements,
     * directly or through its superclasses and their interfaces (a {@code ProxyHandler} is one).
     */
    static Class<?> handlerTypeArgument(Class<?> handlerClass, int index) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            Class<?> found = typeArgument(type, index);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException(handlerClass.getName() + " does not implement RequestHandler<I, O>");
    }

    private static Class<?> typeArgument(Class<?> type, int index) {
        for (Type implemented : type.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == RequestHandler.class) {
                Type argument = parameterized.getActualTypeArguments()[index];
                if (argument instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
                    return raw;
                }
                if (argument instanceof Class<?> argumentClass) {
                    return argumentClass;
                }
            }
            Class<?> raw = implemented instanceof ParameterizedType parameterized
                    && parameterized.getRawType() instanceof Class<?> rawClass ? rawClass
                    : implemented instanceof Class<?> interfaceClass ? interfaceClass : null;
            if (raw != null) {
                Class<?> found = typeArgument(raw, index);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public Class<?> eventType() {
        return eventType;
    }

    /** Runs {@code listener} after each invocation, however it ended (the stack wakes its stream pollers). */
    public void afterEachInvocation(Runnable listener) {
        this.afterEachInvocation = listener;
    }

    private Object throughStreams(RequestStreamHandler streams, Object event, LocalContext context) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        streams.handleRequest(new ByteArrayInputStream(LambdaJson.toJson(event).getBytes(StandardCharsets.UTF_8)),
                answer, context);
        return LambdaJson.fromJson(answer.toString(StandardCharsets.UTF_8), resultType);
    }

    /** Invokes the handler with a new request id; see {@link #invoke(Object, String)}. */
    public Object invoke(Object event) {
        return invoke(event, UUID.randomUUID().toString());
    }

    /**
     * Invokes the handler and returns its result.
     *
     * @throws FunctionErrorException   when the handler throws
     * @throws FunctionTimeoutException when it runs past the function's Timeout
     */
    public Object invoke(Object event, String requestId) {
        long deadline = System.nanoTime() + definition.timeout().toNanos();
        LocalContext context = new LocalContext(requestId, definition.functionName(), arn, definition.memoryMb(),
                deadline, log);
        Future<Object> invocation = INVOCATIONS.submit(() -> {
            try {
                return handler instanceof RequestStreamHandler streams ? throughStreams(streams, event, context)
                        : handler.handleRequest(event, context);
            } finally {
                afterEachInvocation.run();
            }
        });
        try {
            return invocation.get(definition.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            throw new FunctionTimeoutException(definition.logicalId(), definition.timeout());
        } catch (ExecutionException e) {
            throw new FunctionErrorException(definition.logicalId(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation.cancel(true);
            throw new FunctionErrorException(definition.logicalId(), e);
        }
    }
}
