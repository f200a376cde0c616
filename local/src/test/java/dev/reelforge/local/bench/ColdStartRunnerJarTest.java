package dev.reelforge.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start bench's children get the local module's code only from the runner jar, which copies a list of
 * classes. A class the runner loads that the copy leaves out fails the child, and so the whole bench.
 */
class ColdStartRunnerJarTest {

    @Test
    void theRunnerJarBesideTheLambdaLibrariesRunsAHandlerThroughTheRuntimesSerializer(@TempDir Path work)
            throws Exception {
        Path runner = ColdStartBenchmark.runnerJar(work);
        List<String> classpath = new ArrayList<>();
        for (Class<?> library : List.of(RequestHandler.class, APIGatewayProxyRequestEvent.class, PojoSerializer.class,
                DateTime.class)) {
            classpath.add(locationOf(library).toString());
        }
        classpath.add(runner.toString());
        Path event = work.resolve("event.json");
        Files.writeString(event, """
                {"resource": "/", "path": "/", "httpMethod": "GET", "headers": {"Host": "localhost"},
                 "requestContext": {"requestId": "r-1", "stage": "v1"}, "isBase64Encoded": false}
                """, StandardCharsets.UTF_8);
        Path out = work.resolve("child.out");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), ColdStartBenchmark.RUNNER,
                HelloWorldHandler.class.getName(), event.toString(), "hello", "512", "3000")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("COLDSTART ").contains(" status=200 ");
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
