package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.ChannelId;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /users/self/channels.json} ({@code p} or {@code page}, {@code pagesize}): the caller's channels, as IBM answers them,
 * keyed by id ({@code {"channels": {"<id>": {...}}, "paging": {"actual": {"href": ...}}}}). A Reelforge owner has
 * one channel per environment, derived from the owner and the token's environment, so nothing is read: page 1 holds
 * it, a later page is empty (with {@code paging.previous}).
 */
public final class ListChannelsFunction implements ProxyHandler {

    static final int DEFAULT_PAGE_SIZE = 100;

    public ListChannelsFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Nothing to wire: the channel is derived from the caller. */
    public ListChannelsFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> {
            IbmRequest request = new IbmRequest(event);
            Caller caller = request.caller();
            // IBM documents p; its Node client sends page
            Parsed<Integer> page = Paging.number(request, request.queryParameter("p").isPresent() ? "p" : "page", 1,
                    Integer.MAX_VALUE);
            Parsed<Integer> pageSize = Paging.number(request, "pagesize", DEFAULT_PAGE_SIZE, Integer.MAX_VALUE);
            if (page instanceof Parsed.Rejected<Integer>(IbmError error)) {
                return IbmResponses.error(error);
            }
            if (pageSize instanceof Parsed.Rejected<Integer>(IbmError error)) {
                return IbmResponses.error(error);
            }
            int p = ((Parsed.Ok<Integer>) page).value();
            int size = ((Parsed.Ok<Integer>) pageSize).value();
            String base = ApiLinks.base(event);
            ObjectNode body = Json.object();
            ObjectNode channels = body.putObject("channels");
            if (p == 1) {
                channels.set(ChannelId.of(caller.owner(), caller.environment()),
                        VideoJson.channel(caller.owner(), caller.environment()));
            }
            ObjectNode paging = body.putObject("paging");
            String self = base + "/users/self/channels.json?pagesize=" + size + "&p=";
            if (p > 1) {
                paging.putObject("previous").put("href", self + (p - 1));
            }
            paging.putObject("actual").put("href", self + p);
            return IbmResponses.ok(body);
        });
    }
}
