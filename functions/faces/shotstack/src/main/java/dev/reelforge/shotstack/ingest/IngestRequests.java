package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.ingest.SourceLookup;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the Ingest API's handlers read of a request, beyond {@link ApiRequest}. */
public final class IngestRequests {

    /** The largest body taken: a source and ten renditions are well under it. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private IngestRequests() {}

    /**
     * The source the path names; empty when its id is not a UUID, which names no source (the contract's pattern admits
     * other letters, so such an id is not found rather than malformed).
     */
    static Parsed<Optional<SourceLookup>> lookup(APIGatewayProxyRequestEvent event) {
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
        return new ApiRequest(event).caller().map(caller -> id != null && UUID_FORMAT.matcher(id).matches()
                ? Optional.of(new SourceLookup(caller.owner(), caller.environment(), UUID.fromString(id)))
                : Optional.empty());
    }

    /** The JSON body; null when there is none (an empty body is none). */
    public static Parsed<JsonNode> optionalJsonBody(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null || event.getBody().isEmpty()) {
            return Parsed.ok(null);
        }
        return new ApiRequest(event).jsonBody(MAX_BODY_BYTES);
    }
}
