package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.RequestGuard;
import dev.reelforge.runtime.log.LogEvent;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Shotstack face's one error mapper. Client errors never get here (they are {@link Problem}s); any
 * exception that does is logged in full with the request ids and answered with a generic 500. Every request is
 * logged once, as {@code api.request}: its route, status and outcome, the caller's owner and the render or asset
 * its path names. Every answer gets the dashboard's CORS header when its origin asked ({@link DashboardCors}).
 */
public final class ShotstackErrorMapper {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final RequestGuard GUARD =
            new RequestGuard(500, ShotstackResponses::internalError, ShotstackErrorMapper::pathIds);

    private ShotstackErrorMapper() {}

    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        return DashboardCors.apply(request, GUARD.guard(request, context, handler));
    }

    /** The render, asset or template the path names, when it is a UUID. */
    private static void pathIds(APIGatewayProxyRequestEvent request, LogEvent line) {
        String route = String.valueOf(request.getResource());
        Optional.ofNullable(request.getPathParameters()).map(parameters -> parameters.get("id"))
                .filter(id -> UUID_FORMAT.matcher(id).matches())
                .map(UUID::fromString)
                .ifPresent(id -> {
                    if (route.endsWith("/templates/{id}")) {
                        line.field("template", id.toString());
                    } else if (route.endsWith("/render/{id}") || route.startsWith("/edit/")) {
                        line.render(id);
                    } else if (route.endsWith("/assets/{id}")) {
                        line.asset(id);
                    }
                });
    }
}
