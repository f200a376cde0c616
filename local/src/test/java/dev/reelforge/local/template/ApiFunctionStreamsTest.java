package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.reelforge.local.ProjectFiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: every route's function is called by the Lambda Java runtime through its streams, so that the runtime
 * never loads its own event serializer (docs/PERFORMANCE.md, "API handlers read their own events"). template.yaml
 * names each handler as {@code Class::handleRequest}; given a method name, the runtime takes, of the public
 * non-bridge methods so named, the one with the longest signature, a trailing {@code Context} counting one more
 * (aws-lambda-java-runtime-interface-client's {@code EventHandlerLoader}). That must be the stream one.
 */
class ApiFunctionStreamsTest {

    @Test
    void everyRouteFunctionIsCalledThroughItsStreams() throws ClassNotFoundException {
        SamTemplate template = SamTemplate.load(ProjectFiles.template());
        List<FunctionDefinition> routes = template.functions().stream()
                .filter(function -> !function.apiEvents().isEmpty()).toList();
        assertThat(routes).extracting(FunctionDefinition::logicalId)
                .contains("SubmitRenderFunction", "GetRenderFunction", "ProbeFunction", "AddUploadFunction");

        for (FunctionDefinition route : routes) {
            Class<?> handler = Class.forName(route.handlerClass(), false, getClass().getClassLoader());
            assertThat(RequestStreamHandler.class.isAssignableFrom(handler)).as(route.logicalId()).isTrue();
            Method chosen = Arrays.stream(handler.getMethods())
                    .filter(method -> method.getName().equals("handleRequest") && !method.isBridge())
                    .max(Comparator.comparingInt(ApiFunctionStreamsTest::runtimeWeight)).orElseThrow();
            assertThat(chosen.getParameterTypes()).as(route.logicalId())
                    .containsExactly(InputStream.class, OutputStream.class, Context.class);
        }
    }

    /** How the runtime ranks a handler method: its parameter count, one more when the last is a Context. */
    private static int runtimeWeight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length + (parameters.length > 0 && parameters[parameters.length - 1] == Context.class ? 1 : 0);
    }
}
