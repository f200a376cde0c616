package dev.reelforge.runtime.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a CloudFormation custom resource answers: a JSON document PUT to the event's {@code ResponseURL} (a presigned
 * S3 URL), naming the stack, request and logical resource of the event, its {@code Status} and the resource's
 * {@code PhysicalResourceId}. A custom resource answers whatever happens, so that a failure fails the deployment at
 * once instead of leaving it waiting an hour. The physical id must stay the same across updates: a new one makes
 * CloudFormation delete the old resource after the update.
 */
public final class CustomResourceResponse {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private CustomResourceResponse() {}

    /** {@code SUCCESS}, with {@code data} for {@code Fn::GetAtt} (may be empty). */
    public static HttpRequest success(Map<String, Object> event, String physicalId, Map<String, Object> data) {
        ObjectNode response = response(event, physicalId).put("Status", "SUCCESS");
        if (!data.isEmpty()) {
            response.set("Data", Json.MAPPER.valueToTree(data));
        }
        return request(event, response);
    }

    /** {@code FAILED}, with the reason CloudFormation shows in the stack's events. */
    public static HttpRequest failure(Map<String, Object> event, String physicalId, String reason) {
        return request(event, response(event, physicalId).put("Status", "FAILED").put("Reason", reason));
    }

    /**
     * Sends the answer. The presigned URL takes the body with no Content-Type (CloudFormation signs none).
     *
     * @throws IllegalStateException when the URL cannot be reached or answers other than 2xx
     */
    public static void send(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("CloudFormation's response URL answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot answer CloudFormation", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering CloudFormation", e);
        }
    }

    private static ObjectNode response(Map<String, Object> event, String physicalId) {
        return Json.object().put("PhysicalResourceId", physicalId).put("StackId", text(event, "StackId"))
                .put("RequestId", text(event, "RequestId")).put("LogicalResourceId", text(event, "LogicalResourceId"));
    }

    private static HttpRequest request(Map<String, Object> event, ObjectNode response) {
        return HttpRequest.newBuilder(URI.create(text(event, "ResponseURL"))).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(response), StandardCharsets.UTF_8)).build();
    }

    private static String text(Map<String, Object> event, String field) {
        return Objects.toString(event.get(field), "");
    }
}
