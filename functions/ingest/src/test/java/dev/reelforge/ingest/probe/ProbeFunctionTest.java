package dev.reelforge.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.probe.MediaSampler;
import dev.reelforge.core.probe.ProbeMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe's URL as the Lambda proxy integration hands it over, percent-encoded: decoded exactly once, strictly. A
 * malformed escape (which the embedded stack's gateway refuses before any function, as a path that does not decode)
 * is a 400 naming {@code url}, and nothing is fetched.
 */
class ProbeFunctionTest {

    @TempDir
    Path work;

    private final List<String> sampled = new ArrayList<>();

    private ProbeFunction function() {
        MediaSampler sampler = (url, target) -> {
            sampled.add(url.uri().toString());
            return new MediaSampler.SampleResult.Refused("the server answered 404");
        };
        MediaProbe probe = file -> {
            throw new AssertionError("nothing is probed here");
        };
        return new ProbeFunction(new ProbeMedia(sampler, probe, work));
    }

    private static APIGatewayProxyRequestEvent probeOf(String rawUrl) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context =
                new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("test");
        context.setAuthorizer(Map.of("owner", "probeowner", "environment", "stage"));
        return new APIGatewayProxyRequestEvent()
                .withResource("/edit/{version}/probe/{url}")
                .withHttpMethod("GET")
                .withPath("/edit/stage/probe/" + rawUrl)
                .withPathParameters(Map.of("version", "stage", "url", rawUrl))
                .withRequestContext(context);
    }

    private JsonNode answer(APIGatewayProxyResponseEvent response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http%3A%2F%2F127.0.0.1%2Fa%ZZ.mp4", "http%3A%2F%2F127.0.0.1%2Fa%2", "http%3A%2F%2Fa%FF.test%2F"})
    void aMalformedEscapeIsRefusedNamingUrlAndNothingIsFetched(String raw) throws Exception {
        APIGatewayProxyResponseEvent response = function().handleRequest(probeOf(raw), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(answer(response).path("response").asText()).startsWith("url must be percent-encoded");
        assertThat(sampled).isEmpty();
    }

    @Test
    void theUrlIsDecodedExactlyOnce() throws Exception {
        APIGatewayProxyResponseEvent response = function()
                .handleRequest(probeOf("http%3A%2F%2F127.0.0.1%3A8080%2Fmy%2520clip.mp4%3Fa%3D1%2B2"), new TestContext());

        assertThat(sampled).containsExactly("http://127.0.0.1:8080/my%20clip.mp4?a=1+2");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(answer(response).path("response").asText())
                .isEqualTo("url could not be fetched: the server answered 404");
    }

    /** What the error mapper reads of Lambda's context. */
    private static final class TestContext implements Context {

        @Override
        public String getAwsRequestId() {
            return "test-request";
        }

        @Override
        public String getLogGroupName() {
            return "test";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "ProbeFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:ProbeFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 28_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1769;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {}

                @Override
                public void log(byte[] message) {}
            };
        }
    }
}
