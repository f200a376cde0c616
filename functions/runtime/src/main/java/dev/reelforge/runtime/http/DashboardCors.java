package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS on the three faces' APIs, for the dashboard's origin only (README, "CORS"). API Gateway passes a Lambda proxy's
 * response as it is, so a cross-origin request is readable by the browser only if the function says so: it does when
 * the request's one {@code Origin} is exactly the API's stage variable {@code dashboardOrigin} (template.yaml), and
 * every answer says it varies by {@code Origin}. Each face's error mapper applies it to every answer, and each face's
 * preflight function answers {@code OPTIONS} with {@link #preflight} and the request headers that face reads: another
 * origin gets no {@code Access-Control-Allow-*} header at all.
 */
public final class DashboardCors {

    public static final String STAGE_VARIABLE = "dashboardOrigin";
    public static final String ALLOWED_METHODS = "DELETE,GET,OPTIONS,POST,PUT";
    /** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours, Firefox at 24). */
    public static final String MAX_AGE_SECONDS = "600";

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
     * The answer to a preflight: 204, and for the dashboard's origin the methods and the face's request headers it
     * may use (every method: a preflight is answered once per path, whatever the route's own methods).
     *
     * @param allowedHeaders the request headers the face reads, comma-separated
     *                       ({@code Content-Type,x-api-key,Idempotency-Key} for Shotstack's)
     */
    public static APIGatewayProxyResponseEvent preflight(APIGatewayProxyRequestEvent request, String allowedHeaders) {
        APIGatewayProxyResponseEvent answer = apply(request, new APIGatewayProxyResponseEvent().withStatusCode(204));
        if (answer.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            answer.getHeaders().put("Access-Control-Allow-Methods", ALLOWED_METHODS);
            answer.getHeaders().put("Access-Control-Allow-Headers", allowedHeaders);
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
