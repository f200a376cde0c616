package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.FunctionVariables;
import dev.reelforge.local.LocalRuntime;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.ServiceEndpoints;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: every function API Gateway invokes (its routes' handlers and its authorizers) has a SnapStart priming, so
 * that its first request after a restore does not pay for loading the JSON mapper, the validator and the SDK client.
 * Each handler is constructed as Lambda constructs it (the no-arg constructor, in a JVM whose environment is the
 * variables the embedded stack gives that function) and must have registered one: a new API function cannot forget.
 */
class ApiFunctionPrimingIT {

    /** Nothing listens here: constructing a handler builds its SDK clients and connects to nothing. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @TempDir
    Path work;

    @Test
    void everyApiFunctionAndAuthorizerRegistersAPrimingFromTheConstructorLambdaUses() throws Exception {
        SamTemplate template = SamTemplate.load(ProjectFiles.template());
        Set<String> authorizers = new LinkedHashSet<>();
        template.apis().forEach(api -> api.authorizers().values()
                .forEach(authorizer -> authorizers.add(authorizer.functionLogicalId())));
        List<FunctionDefinition> invokedByTheGateway = template.functions().stream()
                .filter(function -> !function.apiEvents().isEmpty() || authorizers.contains(function.logicalId()))
                .toList();
        assertThat(invokedByTheGateway).extracting(FunctionDefinition::logicalId)
                .contains("SubmitRenderFunction", "ProbeFunction", "AddUploadFunction")
                .containsAll(authorizers);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Construction>> constructions = new ArrayList<>();
            for (FunctionDefinition function : invokedByTheGateway) {
                constructions.add(pool.submit(() -> construct(function)));
            }
            for (Future<Construction> future : constructions) {
                Construction construction = future.get(2, TimeUnit.MINUTES);
                assertThat(construction.primings())
                        .as("%s (%s): the primings its no-arg constructor registered; its output:%n%s",
                                construction.function().logicalId(), construction.function().handlerClass(),
                                String.join("\n", construction.output()))
                        .isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Construction(FunctionDefinition function, List<String> primings, List<String> output) {}

    private Construction construct(FunctionDefinition function) throws IOException, InterruptedException {
        ServiceEndpoints endpoints = new ServiceEndpoints(NOWHERE, NOWHERE, NOWHERE, NOWHERE, NOWHERE, NOWHERE,
                Map.of());
        Map<String, String> variables = FunctionVariables.of(function, endpoints, StackIdentity.LOCAL,
                new LocalRuntime(Path.of("ffmpeg"), work, false));
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegisteredPrimings.class.getName(),
                function.handlerClass()).redirectErrorStream(true);
        // the function's environment only, as on Lambda (whose credentials are resolved later, on a request)
        java.environment().clear();
        java.environment().putAll(variables);
        Process process = java.start();
        try {
            List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            List<String> primings = output.stream().filter(line -> line.startsWith(RegisteredPrimings.PREFIX))
                    .flatMap(line -> List.of(line.substring(RegisteredPrimings.PREFIX.length()).split(",")).stream())
                    .filter(name -> !name.isEmpty()).toList();
            return new Construction(function, primings, output);
        } finally {
            process.destroyForcibly();
        }
    }
}
