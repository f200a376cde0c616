package dev.reelforge.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.MusicLibraryFiles;
import dev.reelforge.core.project.ShippedMusicLibrary;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * What the custom resource answers CloudFormation. The hosting bucket refusing every request is a fault S3Proxy does
 * not make on demand: {@link RefusingLibraryFiles} stands in for it (and shows when Delete touches nothing).
 */
class MusicLibraryResourceFunctionTest {

    /** A bucket that refuses every request, as S3 does to a role without the policy. */
    private static final class RefusingLibraryFiles implements MusicLibraryFiles {

        int requests;

        @Override
        public boolean has(String file) {
            requests++;
            throw new IllegalStateException("Access Denied");
        }

        @Override
        public void put(String file, Path content, String contentType) {
            requests++;
            throw new IllegalStateException("Access Denied");
        }
    }

    /** An invocation's context with nothing but names (its log lines go to standard output). */
    private static final Context CONTEXT = new Context() {
        public String getAwsRequestId() { return "req-1"; }
        public String getLogGroupName() { return "/aws/lambda/reelforge-MusicLibraryFunction"; }
        public String getLogStreamName() { return "2026/12/06/[live]abc"; }
        public String getFunctionName() { return "reelforge-MusicLibraryFunction"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:f"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 600_000; }
        public int getMemoryLimitInMB() { return 2048; }
        public LambdaLogger getLogger() { return null; }
    };

    private final RefusingLibraryFiles files = new RefusingLibraryFiles();
    private final List<HttpRequest> answers = new ArrayList<>();
    private final MusicLibraryResourceFunction function = new MusicLibraryResourceFunction(
            new PublishMusicLibrary(ShippedMusicLibrary.shipped(), files,
                    PublishMusicLibrary.synthesised(Path.of("/nonexistent/ffmpeg"))), answers::add);

    private static Map<String, Object> event(String requestType) {
        return Map.of("RequestType", requestType, "ResponseURL", "https://cloudformation.example/response?sig=1",
                "StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/reelforge/1", "RequestId", "r-1",
                "LogicalResourceId", "MusicLibrary");
    }

    @Test
    void aLibraryThatCannotBeWrittenFailsTheDeploymentAtOnce() {
        function.handleRequest(event("Create"), CONTEXT);

        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().method()).isEqualTo("PUT");
        assertThat(answers.getFirst().uri().toString()).isEqualTo("https://cloudformation.example/response?sig=1");
        JsonNode body = body(answers.getFirst());
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).contains("music library").doesNotContain("Access Denied");
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo(MusicLibraryResourceFunction.PHYSICAL_ID);
        assertThat(body.path("RequestId").asText()).isEqualTo("r-1");
        assertThat(body.path("LogicalResourceId").asText()).isEqualTo("MusicLibrary");
    }

    @Test
    void deletingTheResourceLeavesTheFilesAndSucceeds() {
        function.handleRequest(event("Delete"), CONTEXT);

        assertThat(files.requests).isZero();
        assertThat(body(answers.getFirst()).path("Status").asText()).isEqualTo("SUCCESS");
    }

    private static JsonNode body(HttpRequest request) {
        StringBuilder text = new StringBuilder();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                text.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {}
        });
        return Json.parseTrusted(text.toString());
    }
}
