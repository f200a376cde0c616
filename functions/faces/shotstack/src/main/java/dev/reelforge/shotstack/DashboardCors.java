package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS on the Shotstack API, for the dashboard's origin only (README, "CORS"). API Gateway passes a Lambda proxy's
 * response as it is, so a cross-origin request is readable by the browser only if the function says so: it does when
 * the request's one {@code Origin} is exactly the stage variable {@code dashboardOrigin} (template.yaml,
 * ShotstackApi), and every answer says it varies by {@code Origin}. Preflights are answered the same way
 * ({@link PreflightFunction}): another origin gets no {@code Access-Control-Allow-*} header at all.
 */
public final class DashboardCors {

    static final String STAGE_VARIABLE = "dashboardOrigin";
    static final String ALLOWED_METHODS = "DELETE,GET,OPTIONS,POST,PUT";
    static final String ALLOWED_HEADERS = "Content-Type,x-api-key,Idempotency-Key";
    /** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours, Firefox at 24). */
    static final String MAX_AGE_SECONDS = "600";

    private DashboardCors() {}

    public static APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request,
            APIGatewayProxyResponseEvent response) {
        Map<String, String> headers = new HashMap<>(Optional.ofNullable(response.getHeaders()).orElse(Map.of()));
        headers.put("Vary", "Origin");
        Optional<String> allowed = Optional.ofNullable(request.getStageVariables())
                .map(variables -> variables.get(STAGE_VARIABLE)).filter(origin -> !origin.isEmpty());
        if (allowed.isPresent() && origin(request).filter(allowed.get()::equals).isPresent()) {
            headers.put("Access-Control-Allow-Origin", allowed.get());
        }
        return response.withHeaders(headers);
    }

    /**
     * The answer to a preflight: 204, and for the dashboard's origin the methods and headers it may use (every
     * method of the API: a preflight is answered once per path, whatever the route's own methods).
     */
    static APIGatewayProxyResponseEvent preflight(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent answer = apply(request, new APIGatewayProxyResponseEvent().withStatusCode(204));
        if (answer.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            answer.getHeaders().put("Access-Control-Allow-Methods", ALLOWED_METHODS);
            answer.getHeaders().put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            answer.getHeaders().put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        return answer;
    }

    /** The request's Origin, when sent exactly once. */
    private static Optional<String> origin(APIGatewayProxyRequestEvent request) {
        List<String> values = Optional.ofNullable(request.getMultiValueHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Origin"))
                .flatMap(header -> Optional.ofNullable(header.getValue()).orElse(List.of()).stream())
                .toList();
        if (values.isEmpty()) {
            values = Optional.ofNullable(request.getHeaders()).orElse(Map.of()).entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Origin")).map(Map.Entry::getValue).toList();
        }
        return values.size() == 1 ? Optional.ofNullable(values.getFirst()) : Optional.empty();
    }
}
