package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a function finds in its environment on the embedded stack. */
class FunctionEnvironmentTest {

    private static final URI SERVICE = URI.create("http://127.0.0.1:40000");
    private final ServiceEndpoints endpoints = new ServiceEndpoints(SERVICE, URI.create("http://127.0.0.1:40001"),
            URI.create("http://127.0.0.1:40002"), URI.create("http://127.0.0.1:40003"), URI.create("http://127.0.0.1:40004"),
            URI.create("http://127.0.0.1:40005"), Map.of("TempDistribution", URI.create("http://127.0.0.1:41000")));

    private Map<String, String> environmentOf(Map<String, String> variables) {
        FunctionDefinition function = new FunctionDefinition("Fn", "stack-Fn", "x.Handler", "fn.jar", Duration.ofSeconds(3),
                128, variables, List.of());
        return FunctionVariables.of(function, endpoints, StackIdentity.LOCAL,
                new LocalRuntime(Path.of("ffmpeg"), Path.of("work"), true));
    }

    @Test
    void aLocalDistributionNamedOverHttpsIsGivenOverPlainHttpAsTheEmbeddedStackServesIt() {
        Map<String, String> environment = environmentOf(Map.of(
                "TEMPORARY_CDN_URL", "https://127.0.0.1:41000",
                "WITH_PATH", "https://127.0.0.1:41000/owner/file.mp4",
                "ANOTHER_PORT", "https://127.0.0.1:410001",
                "ELSEWHERE", "https://cdn.example.com"));

        assertThat(environment).containsEntry("TEMPORARY_CDN_URL", "http://127.0.0.1:41000")
                .containsEntry("WITH_PATH", "http://127.0.0.1:41000/owner/file.mp4")
                .containsEntry("ANOTHER_PORT", "https://127.0.0.1:410001")
                .containsEntry("ELSEWHERE", "https://cdn.example.com");
    }

    @Test
    void theSdkFindsEveryLocalServiceThroughItsEndpointVariable() {
        assertThat(environmentOf(Map.of())).containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:40000")
                .containsEntry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:40001")
                .containsEntry("AWS_ENDPOINT_URL_MEDIACONVERT", "http://127.0.0.1:40002")
                .containsEntry("AWS_ENDPOINT_URL_CLOUDFRONT", "http://127.0.0.1:40003")
                .containsEntry("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:40004")
                .containsEntry("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:40005");
    }
}
