package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.ListChannelVideos;
import dev.reelforge.core.video.ListChannelVideosCommand;
import dev.reelforge.core.video.ListChannelVideosResult;
import dev.reelforge.core.video.VideoView;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /channels/{channel_id}/videos.json} and {@code GET /users/self/videos.json} ({@code page} from 1,
 * {@code pagesize} 1 to 50, default 50): the caller's videos, newest first, as IBM lists them,
 * {@code {"videos": [...], "paging": {"previous": <url>, "next": <url>}}} (each link only when that page exists).
 * {@code sort=recent} is the order; {@code sort=popular} and {@code q} (search) are refused with 400
 * {@code bad_request}, since Reelforge counts no views and indexes no text; {@code filter[protect]} is honoured (every
 * video is public). Another owner's channel, or the other environment's, is 404 {@code not_found}.
 */
public final class ListChannelVideosFunction implements ProxyHandler {

    static final String USER_VIDEOS = "/users/self/videos.json";
    private static final Set<String> PROTECTIONS = Set.of("public", "private");
    private static final String BAD_REQUEST = "bad_request";

    private final ListChannelVideos listChannelVideos;

    public ListChannelVideosFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ListChannelVideosFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public ListChannelVideosFunction(ListChannelVideos listChannelVideos) {
        this.listChannelVideos = listChannelVideos;
    }

    private static ListChannelVideos wire(DynamoDbTables tables) {
        return new ListChannelVideos(tables.videos(), tables.assets(), tables.renders());
    }

    /** A listing request: the command, and whether {@code filter[protect]} leaves public videos out. */
    private record Listing(ListChannelVideosCommand command, boolean publicFilteredOut) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(event, new IbmRequest(event))) {
            case Parsed.Ok<Listing> ok -> switch (listChannelVideos.list(ok.value().command())) {
                case ListChannelVideosResult.Listed listed -> IbmResponses.ok(
                        body(listed, ok.value(), ApiLinks.base(event), event.getResource()));
                case ListChannelVideosResult.NoSuchChannel none -> IbmResponses.error(
                        IbmError.notFound("no channel with this id is yours in the token's environment"));
            };
            case Parsed.Rejected<Listing> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<Listing> parse(APIGatewayProxyRequestEvent event, IbmRequest request) {
        Caller caller = request.caller();
        if (request.queryParameter("q").isPresent()) {
            return Parsed.rejected(IbmError.badRequest(BAD_REQUEST, "q (search) is not supported"));
        }
        if (request.queryParameter("sort").filter(sort -> !sort.equals("recent")).isPresent()) {
            return Parsed.rejected(IbmError.badRequest(BAD_REQUEST,
                    "sort must be recent: views are not counted, so popular is not supported"));
        }
        Optional<String> filter = request.queryParameter("filter[protect]").filter(value -> !value.isEmpty());
        if (filter.filter(value -> !Arrays.stream(value.split(",", -1)).allMatch(PROTECTIONS::contains)).isPresent()) {
            return Parsed.rejected(IbmError.badRequest(BAD_REQUEST,
                    "filter[protect] must list public and/or private, comma separated"));
        }
        boolean publicFilteredOut = filter.filter(value -> !Arrays.asList(value.split(",")).contains("public"))
                .isPresent();
        Optional<String> channel = USER_VIDEOS.equals(event.getResource()) ? Optional.empty()
                : request.pathParameter("channel");
        return Paging.number(request, "pagesize", ListChannelVideosCommand.MAX_PAGE_SIZE,
                        ListChannelVideosCommand.MAX_PAGE_SIZE)
                .flatMap(pageSize -> Paging.number(request, "page", 1, ListChannelVideosCommand.maxPage(pageSize))
                        .map(page -> new Listing(new ListChannelVideosCommand(caller.owner(), caller.environment(),
                                channel, page, pageSize), publicFilteredOut)));
    }

    private static ObjectNode body(ListChannelVideosResult.Listed listed, Listing listing, String base,
            String resource) {
        ObjectNode body = Json.object();
        ArrayNode videos = body.putArray("videos");
        if (!listing.publicFilteredOut()) {
            for (VideoView video : listed.videos()) {
                videos.add(VideoJson.video(video, base));
            }
        }
        String path = USER_VIDEOS.equals(resource) ? USER_VIDEOS : "/channels/" + listed.channel() + "/videos.json";
        String self = base + path + "?pagesize=" + listed.pageSize() + "&page=";
        ObjectNode paging = body.putObject("paging");
        if (listed.previous()) {
            paging.put("previous", self + (listed.page() - 1));
        }
        if (listed.next() && !listing.publicFilteredOut()) {
            paging.put("next", self + (listed.page() + 1));
        }
        return body;
    }
}
