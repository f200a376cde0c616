package dev.reelforge.library;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.cloudformation.CustomResourceResponse;
import dev.reelforge.runtime.log.StructuredLog;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CloudFormation custom resource {@code Custom::MusicLibrary}: on Create and Update it publishes the shipped
 * music library to the hosting bucket ({@link PublishMusicLibrary}, which writes only the files not there yet); on
 * Delete it leaves the files, as the hosting bucket itself is retained when the stack goes. Whatever happens, it
 * answers CloudFormation at the event's {@code ResponseURL} ({@link CustomResourceResponse}).
 */
public final class MusicLibraryResourceFunction implements RequestHandler<Map<String, Object>, Void> {

    /** One physical resource for the library, whatever its updates. */
    static final String PHYSICAL_ID = "reelforge-music-library";

    private final PublishMusicLibrary publish;
    private final Consumer<HttpRequest> respond;

    public MusicLibraryResourceFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public MusicLibraryResourceFunction(FunctionEnvironment environment) {
        this(PublishMusicLibrary.of(environment), CustomResourceResponse::send);
    }

    public MusicLibraryResourceFunction(PublishMusicLibrary publish, Consumer<HttpRequest> respond) {
        this.publish = publish;
        this.respond = respond;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        String requestType = String.valueOf(event.get("RequestType"));
        HttpRequest response;
        try {
            Map<String, Object> data = Map.of();
            if (requestType.equals("Create") || requestType.equals("Update")) {
                PublishedLibrary published = publish.publish(new PublishLibraryCommand(Path.of("/tmp/library")));
                log.event("music-library-published").field("written", published.written().size())
                        .field("present", published.present().size()).info();
                data = Map.of("Written", published.written().size(), "Present", published.present().size());
            }
            response = CustomResourceResponse.success(event, PHYSICAL_ID, data);
        } catch (RuntimeException e) {
            log.event("music-library-failed").failure(e).error();
            response = CustomResourceResponse.failure(event, PHYSICAL_ID,
                    "The music library could not be written; see log stream " + context.getLogStreamName());
        }
        respond.accept(response);
        return null;
    }
}
