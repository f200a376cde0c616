package dev.reelforge.picovico;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.RequestGuard;
import java.util.function.Supplier;

/**
 * The Picovico face's one error mapper. Client errors never get here (they are {@link PicovicoError}s); any exception
 * that does is logged in full with the request ids and answered with a 500 in Picovico's envelope naming the request
 * id, never a trace. Every request is logged once, as {@code api.request}. Every answer gets the dashboard's CORS
 * header when its origin asked ({@link DashboardCors}).
 */
public final class PicovicoErrorMapper {

    private static final RequestGuard GUARD =
            new RequestGuard(500, PicovicoResponses::internalError, (request, line) -> {});

    private PicovicoErrorMapper() {}

    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        return DashboardCors.apply(request, GUARD.guard(request, context, handler));
    }
}
