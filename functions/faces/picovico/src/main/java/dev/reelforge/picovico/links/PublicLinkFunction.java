package dev.reelforge.picovico.links;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.project.FollowPublicLink;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.util.Map;

/**
 * {@code GET /v/{id}/{name}.mp4}, without credentials: 302 to the best quality of a published public video on the
 * CDN; 404 in Picovico's envelope for any other id (unknown, private, not published, deleted) or a name that is not
 * one ({@link FollowPublicLink}). The redirect may be cached for a minute: a deleted video's link stops soon after.
 */
public final class PublicLinkFunction implements ProxyHandler {

    static final int REDIRECT_MAX_AGE_SECONDS = 60;

    private final FollowPublicLink followPublicLink;

    public PublicLinkFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public PublicLinkFunction(FunctionEnvironment environment) {
        this(new FollowPublicLink(DynamoDbTables.of(environment).projects()));
    }

    public PublicLinkFunction(FollowPublicLink followPublicLink) {
        this.followPublicLink = followPublicLink;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
            return followPublicLink.follow(path.get("id"), path.get("name"))
                    .map(target -> PicovicoResponses.found(target.toString(), REDIRECT_MAX_AGE_SECONDS))
                    .orElseGet(() -> PicovicoResponses.error(PicovicoError.notFound("No public video has this link.")));
        });
    }
}
