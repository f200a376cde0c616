package dev.reelforge.ibm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.RequestGuard;
import dev.reelforge.runtime.log.LogEvent;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IBM face's one error mapper. Client errors never get here (they are {@link IbmError}s); any exception that
 * does is logged in full with the request ids and answered with IBM's 503 naming the request id, never a 500 and
 * never a trace. Every request is logged once, as {@code api.request}: its route, status, outcome, owner and the
 * video its path names. Every answer gets the dashboard's CORS header when its origin asked ({@link DashboardCors}).
 */
public final class IbmErrorMapper {

    private static final Pattern VIDEO_ID = Pattern.compile(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(\\.json)?$");
    private static final RequestGuard GUARD =
            new RequestGuard(503, IbmResponses::serviceUnavailable, IbmErrorMapper::pathIds);

    private IbmErrorMapper() {}

    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        return DashboardCors.apply(request, GUARD.guard(request, context, handler));
    }

    /** The video (its asset's id) the path names, when it names one. */
    private static void pathIds(APIGatewayProxyRequestEvent request, LogEvent line) {
        Optional.ofNullable(request.getPathParameters()).map(parameters -> parameters.get("video"))
                .map(VIDEO_ID::matcher)
                .filter(Matcher::matches)
                .map(matcher -> UUID.fromString(matcher.group(1)))
                .ifPresent(line::asset);
    }
}
