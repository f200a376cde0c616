package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS on the Shotstack API's answers, for the dashboard's origin only (README, "CORS"). API Gateway answers
 * preflights itself, but passes a Lambda proxy's response as it is, so a cross-origin GET or POST is readable by the
 * browser only if the function says so: it does when the request's one {@code Origin} is exactly the stage variable
 * {@code dashboardOrigin} (template.yaml, ShotstackApi), and every answer says it varies by {@code Origin}.
 */
final class DashboardCors {

    static final String STAGE_VARIABLE = "dashboardOrigin";

    private DashboardCors() {}

    static APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request,
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
