package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.ListProjects;
import dev.reelforge.core.project.ListProjectsCommand;
import dev.reelforge.core.project.ProjectPage;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /me/videos?count=&from=&to=}: {@code {"paging":{"count","next_url","prev_url"},"videos":[...]}}, newest
 * first. {@code from=T} lists videos created before T, {@code to=T} after it (T: Unix seconds, up to 3 decimals, as
 * the paging URLs write them); a URL is null when nothing lies that way.
 */
public final class ListProjectsFunction implements ProxyHandler {

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");
    private static final Pattern TIME = Pattern.compile("[0-9]{1,11}(\\.[0-9]{1,3})?");

    private final ListProjects listProjects;
    private final StyleBook styles;

    public ListProjectsFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public ListProjectsFunction(FunctionEnvironment environment) {
        this(new ListProjects(DynamoDbTables.of(environment).projects()));
    }

    public ListProjectsFunction(ListProjects listProjects) {
        this.listProjects = listProjects;
        this.styles = StyleBook.shipped();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            Caller caller = request.caller();
            Optional<String> countText = request.queryParameter("count");
            if (countText.isPresent() && (!COUNT.matcher(countText.get()).matches()
                    || Integer.parseInt(countText.get()) < 1
                    || Integer.parseInt(countText.get()) > ListProjectsCommand.MAX_COUNT)) {
                return PicovicoResponses.error(PicovicoError.badRequest(
                        "count must be a whole number from 1 to " + ListProjectsCommand.MAX_COUNT));
            }
            int count = countText.map(Integer::parseInt).orElse(ListProjectsCommand.DEFAULT_COUNT);
            Optional<String> from = request.queryParameter("from");
            Optional<String> to = request.queryParameter("to");
            if (from.isPresent() && to.isPresent()) {
                return PicovicoResponses.error(PicovicoError.badRequest("from and to cannot be sent together"));
            }
            for (Map.Entry<String, Optional<String>> bound : Map.of("from", from, "to", to).entrySet()) {
                if (bound.getValue().isPresent() && !TIME.matcher(bound.getValue().get()).matches()) {
                    return PicovicoResponses.error(PicovicoError.badRequest(bound.getKey()
                            + " must be a Unix time in seconds (up to 3 decimals)"));
                }
            }
            ListProjectsCommand.Cursor cursor = from.<ListProjectsCommand.Cursor>map(
                            time -> new ListProjectsCommand.Cursor.Before(instant(time)))
                    .or(() -> to.map(time -> new ListProjectsCommand.Cursor.After(instant(time))))
                    .orElse(new ListProjectsCommand.Cursor.Newest());
            ProjectPage page = listProjects.list(
                    new ListProjectsCommand(caller.owner(), caller.environment(), count, cursor));
            return PicovicoResponses.ok(body(page, count));
        });
    }

    private ObjectNode body(ProjectPage page, int count) {
        ObjectNode body = Json.object();
        ObjectNode paging = body.putObject("paging").put("count", count);
        paging.put("next_url", page.olderExist() ? "/me/videos?count=" + count + "&from="
                + seconds(page.projects().getLast().created()) : null);
        paging.put("prev_url", page.newerExist() ? "/me/videos?count=" + count + "&to="
                + seconds(page.projects().getFirst().created()) : null);
        ArrayNode videos = body.putArray("videos");
        page.projects().forEach(project -> videos.add(VideoJson.of(project, styles)));
        return body;
    }

    private static Instant instant(String seconds) {
        return Instant.ofEpochMilli(new BigDecimal(seconds).movePointRight(3).longValueExact());
    }

    private static String seconds(Instant time) {
        return BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
