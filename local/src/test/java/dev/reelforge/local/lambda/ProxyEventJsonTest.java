package dev.reelforge.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.http.MalformedProxyEventException;
import dev.reelforge.runtime.http.ProxyEventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API functions read their events with their own mapper (ProxyEventJson) where the Lambda runtime's serializer
 * read them before: both must read the same event, field for field, from what API Gateway sends.
 */
class ProxyEventJsonTest {

    private static final Path EVENTS = Path.of("..", "events");

    private static APIGatewayProxyRequestEvent read(String json) {
        return ProxyEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySampleProxyEventReadsAsTheRuntimesSerializerReadsIt() throws IOException {
        Map<Path, String> proxyEvents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(EVENTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                if (json.contains("\"httpMethod\"") && json.contains("\"requestContext\"")) {
                    proxyEvents.put(file, json);
                }
            }
        }

        assertThat(proxyEvents).hasSizeGreaterThan(40);
        proxyEvents.forEach((file, json) -> assertThat(read(json)).as(file.toString())
                .isEqualTo(LambdaJson.fromJson(json, APIGatewayProxyRequestEvent.class)));
    }

    @Test
    void anEventWithEveryFieldSurvivesTheRuntimesSerializerAndOurReader() {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp("203.0.113.7").withUserAgent("sdk/1.0").withAccountId("123456789012")
                .withCaller("caller").withApiKey("key").withUser("user").withUserArn("arn:aws:iam::1:user/u")
                .withAccessKey("AKIA").withCognitoIdentityId("id").withCognitoIdentityPoolId("pool")
                .withCognitoAuthenticationType("type").withCognitoAuthenticationProvider("provider");
        identity.setPrincipalOrgId("o-1");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId("req-1").withStage("v1").withApiId("api").withAccountId("123456789012")
                .withResourceId("res").withResourcePath("/edit/{version}/render").withHttpMethod("POST")
                .withPath("/v1/edit/v1/render").withIdentity(identity).withExtendedRequestId("ext")
                .withRequestTime("07/Dec/2026:09:00:00 +0000").withRequestTimeEpoch(1796634000000L)
                .withDomainName("api.example.com").withDomainPrefix("api").withProtocol("HTTP/1.1")
                .withOperationName("op");
        context.setAuthorizer(Map.of("owner", "acme", "principalId", "acme", "integrationLatency", 12,
                "verified", true, "ratio", 0.5));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withVersion("1.0").withResource("/edit/{version}/render").withPath("/edit/v1/render")
                .withHttpMethod("POST")
                .withHeaders(Map.of("Content-Type", "application/json", "x-api-key", "secret"))
                .withMultiValueHeaders(Map.of("Content-Type", List.of("application/json"),
                        "Accept", List.of("a", "b")))
                .withQueryStringParameters(Map.of("page", "2"))
                .withMultiValueQueryStringParameters(Map.of("page", List.of("1", "2")))
                .withPathParameters(Map.of("version", "v1")).withStageVariables(Map.of("stage", "v1"))
                .withRequestContext(context).withBody("{\"timeline\":{}}\u00e9\u2028").withIsBase64Encoded(false);

        assertThat(read(LambdaJson.toJson(event))).isEqualTo(event);
    }

    @Test
    void theResponseWrittenReadsBackAsTheRuntimesSerializerReadsIt() {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody("{\"success\":true,\"message\":\"Created \\\"\u00e9\"}").withIsBase64Encoded(false);
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        ProxyEventJson.write(response, written);

        assertThat(LambdaJson.fromJson(written.toString(StandardCharsets.UTF_8), APIGatewayProxyResponseEvent.class))
                .isEqualTo(response);
    }

    @Test
    void aValueOfTheWrongTypeFailsTheInvocationNamingTheField() {
        assertThatThrownBy(() -> read("{\"httpMethod\":\"GET\",\"headers\":{\"Accept\":7}}"))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("Accept");
        assertThatThrownBy(() -> read("{\"requestContext\":{\"authorizer\":[]}}"))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("requestContext.authorizer");
        assertThatThrownBy(() -> read("[]")).isInstanceOf(MalformedProxyEventException.class);
        assertThatThrownBy(() -> read("{\"body\":")).isInstanceOf(MalformedProxyEventException.class);
    }
}
