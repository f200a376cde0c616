package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.ProjectId;
import dev.reelforge.core.upload.ListUploads;
import dev.reelforge.core.upload.ListUploadsCommand;
import dev.reelforge.core.upload.Upload;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /me/photos}, {@code GET /me/musics} ({@code count} 1 to 100, default 15; {@code before}, an id):
 * {@code {"paging":{"count","next_url"},"photos"|"musics":[...]}}, newest first; {@code next_url} pages to older
 * ones, null on the last page.
 */
public final class ListUploadsFunction implements ProxyHandler {

    static final int DEFAULT_COUNT = 15;
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");

    private final ListUploads listUploads;
    private final URI cdnUrl;

    public ListUploadsFunction() {
        this(FunctionEnvironment.fromSystem());
        UploadsPriming.register();
    }

    public ListUploadsFunction(FunctionEnvironment environment) {
        this(new ListUploads(DynamoDbTables.of(environment).uploads(), environment.clock()), environment.requiredUri("CDN_URL"));
    }

    public ListUploadsFunction(ListUploads listUploads, URI cdnUrl) {
        this.listUploads = listUploads;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            Caller caller = request.caller();
            UploadKind kind = UploadRoutes.kind(event);
            Optional<String> countText = request.queryParameter("count");
            if (countText.isPresent() && (!COUNT.matcher(countText.get()).matches()
                    || Integer.parseInt(countText.get()) < 1
                    || Integer.parseInt(countText.get()) > ListUploads.MAX_COUNT)) {
                return PicovicoResponses.error(PicovicoError.badRequest(
                        "count must be a whole number from 1 to " + ListUploads.MAX_COUNT));
            }
            int count = countText.map(Integer::parseInt).orElse(DEFAULT_COUNT);
            Optional<String> before = request.queryParameter("before");
            if (before.isPresent() && !ProjectId.isWellFormed(before.get())) {
                return PicovicoResponses.error(PicovicoError.badRequest(
                        "before must be the id of a " + (kind == UploadKind.PHOTO ? "photo" : "music")));
            }
            // one more than asked tells whether an older page exists
            List<Upload> found = listUploads.list(new ListUploadsCommand(caller.owner(), caller.environment(), kind,
                    before, count + 1));
            List<Upload> page = found.size() > count ? found.subList(0, count) : found;
            ObjectNode body = Json.object();
            String plural = UploadRoutes.plural(kind);
            ObjectNode paging = body.putObject("paging").put("count", count);
            paging.put("next_url", found.size() > count
                    ? "/me/" + plural + "?count=" + count + "&before=" + page.getLast().id() : null);
            ArrayNode items = body.putArray(plural);
            page.forEach(upload -> items.add(UploadJson.of(upload, cdnUrl)));
            return PicovicoResponses.ok(body);
        });
    }
}
