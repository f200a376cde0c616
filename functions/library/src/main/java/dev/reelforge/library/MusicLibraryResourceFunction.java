package dev.reelforge.library;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CloudFormation custom resource {@code Custom::MusicLibrary}: on Create and Update it publishes the shipped
 * music library to the hosting bucket ({@link PublishMusicLibrary}, which writes only the files not there yet); on
 * Delete it leaves the files, as the hosting bucket itself is retained when the stack goes. Whatever happens, it
 * answers CloudFormation at the event's {@code ResponseURL} (a presigned S3 URL), so a failure fails the deployment
 * at once instead of leaving it waiting an hour.
 */
public final class MusicLibraryResourceFunction implements RequestHandler<Map<String, Object>, Void> {

    /** One physical resource for the library, whatever its updates. */
    static final String PHYSICAL_ID = "reelforge-music-library";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final PublishMusicLibrary publish;
    private final Consumer<HttpRequest> respond;

    public MusicLibraryResourceFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public MusicLibraryResourceFunction(FunctionEnvironment environment) {
        this(PublishMusicLibrary.of(environment), MusicLibraryResourceFunction::send);
    }

    public MusicLibraryResourceFunction(PublishMusicLibrary publish, Consumer<HttpRequest> respond) {
        this.publish = publish;
        this.respond = respond;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        String requestType = String.valueOf(event.get("RequestType"));
        URI responseUrl = URI.create(String.valueOf(event.get("ResponseURL")));
        ObjectNode response = Json.object().put("PhysicalResourceId", PHYSICAL_ID)
                .put("StackId", text(event, "StackId")).put("RequestId", text(event, "RequestId"))
                .put("LogicalResourceId", text(event, "LogicalResourceId"));
        try {
            if (requestType.equals("Create") || requestType.equals("Update")) {
                PublishedLibrary published = publish.publish(new PublishLibraryCommand(Path.of("/tmp/library")));
                log.event("music-library-published").field("written", published.written().size())
                        .field("present", published.present().size()).info();
                response.putObject("Data").put("Written", published.written().size())
                        .put("Present", published.present().size());
            }
            response.put("Status", "SUCCESS");
        } catch (RuntimeException e) {
            log.event("music-library-failed").failure(e).error();
            response.put("Status", "FAILED").put("Reason", "The music library could not be written; see log stream "
                    + context.getLogStreamName());
        }
        respond.accept(HttpRequest.newBuilder(responseUrl).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(response), StandardCharsets.UTF_8)).build());
        return null;
    }

    private static String text(Map<String, Object> event, String field) {
        return Objects.toString(event.get(field), "");
    }

    /** The presigned URL takes the body with no Content-Type (CloudFormation signs none). */
    private static void send(HttpRequest request) {
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
}
