package dev.reelforge.local;

import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a function gets on the embedded stack: those template.yaml gives it, the
 * ones Lambda sets itself, the SDK's endpoint variables pointing at the local services, and the local
 * runtime's replacements for what only exists on Lambda (the ffmpeg layer, /tmp), and the pipes of the MediaConvert
 * emulator, which only exist locally.
 *
 * <p>One rewrite: the embedded stack serves distributions over plain HTTP, so a template value naming a local
 * distribution over HTTPS ({@code !Sub "https://${X.DomainName}..."}, which resolves to
 * {@code https://127.0.0.1:port...}) is given to the function as {@code http://127.0.0.1:port...}.
 */
public final class FunctionVariables {

    /** The longest delay the callback functions give a message on the local queue (see {@link #of}). */
    static final Duration LOCAL_LONGEST_QUEUE_DELAY = Duration.ofSeconds(10);

    private FunctionVariables() {}

    public static Map<String, String> of(FunctionDefinition function, ServiceEndpoints endpoints, StackIdentity stack,
            LocalRuntime runtime) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, overPlainHttp(value, endpoints)));
        environment.put("AWS_REGION", stack.region());
        environment.put("AWS_DEFAULT_REGION", stack.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        environment.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        if (endpoints.mediaConvert() != null) {
            environment.put("AWS_ENDPOINT_URL_MEDIACONVERT", endpoints.mediaConvert().toString());
        }
        if (endpoints.cloudFront() != null) {
            environment.put("AWS_ENDPOINT_URL_CLOUDFRONT", endpoints.cloudFront().toString());
        }
        if (endpoints.secretsManager() != null) {
            environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.secretsManager().toString());
        }
        if (endpoints.sqs() != null) {
            environment.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        }
        if (environment.containsKey("FFMPEG")) {
            environment.put("FFMPEG", runtime.ffmpeg().toString());
        }
        if (environment.containsKey("INTERMEDIATE_PIPES")) {
            environment.put("INTERMEDIATE_PIPES", runtime.intermediatePipes().map(Path::toString).orElse(""));
        }
        if (environment.containsKey("ALLOW_LOOPBACK_SOURCES")) {
            environment.put("ALLOW_LOOPBACK_SOURCES", Boolean.toString(runtime.allowLoopbackSources()));
        }
        if (environment.containsKey("ALLOW_LOOPBACK_CALLBACKS")) {
            environment.put("ALLOW_LOOPBACK_CALLBACKS", Boolean.toString(runtime.allowLoopbackSources()));
        }
        if (environment.containsKey("CALLBACKS_QUEUE_LONGEST_DELAY")) {
            // the local queue delays messages in real time while everything else follows the stack's clock: waits
            // beyond a few seconds go through the retry sweep, which follows the clock
            environment.put("CALLBACKS_QUEUE_LONGEST_DELAY", LOCAL_LONGEST_QUEUE_DELAY.toString());
        }
        environment.put("WORK_DIRECTORY", runtime.workDirectory().resolve(function.logicalId()).toString());
        return environment;
    }

    private static String overPlainHttp(String value, ServiceEndpoints endpoints) {
        for (URI distribution : endpoints.distributions().values()) {
            String https = "https://" + distribution.getAuthority();
            if (value.equals(https) || value.startsWith(https + "/") || value.startsWith(https + "?")) {
                return "http://" + value.substring("https://".length());
            }
        }
        return value;
    }

    public static String arnOf(FunctionDefinition function, StackIdentity stack) {
        return "arn:aws:lambda:" + stack.region() + ":" + stack.accountId() + ":function:" + function.functionName();
    }
}
