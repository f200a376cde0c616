package dev.reelforge.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardCorsTest {

    private static final String DASHBOARD = "https://dashboard.example.com";
    private static final String HEADERS = "Authorization,Content-Type";

    private static APIGatewayProxyResponseEvent answer(Map<String, List<String>> headers, Map<String, String> stage) {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent().withMultiValueHeaders(headers)
                .withStageVariables(stage);
        return DashboardCors.apply(request, new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")));
    }

    @Test
    void theDashboardsOriginIsAllowedAndEveryAnswerVariesByOrigin() {
        APIGatewayProxyResponseEvent response = answer(Map.of("origin", List.of(DASHBOARD)),
                Map.of(DashboardCors.STAGE_VARIABLE, DASHBOARD));

        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", DASHBOARD)
                .containsEntry("Vary", "Origin").containsEntry("Content-Type", "application/json");
    }

    @Test
    void anyOtherOriginOrNoneOrTwoGetNoAllowedOrigin() {
        Map<String, String> stage = Map.of(DashboardCors.STAGE_VARIABLE, DASHBOARD);
        for (Map<String, List<String>> headers : List.of(Map.<String, List<String>>of(),
                Map.of("Origin", List.of("https://elsewhere.example")),
                Map.of("Origin", List.of(DASHBOARD + "/")),
                Map.of("Origin", List.of("https://DASHBOARD.example.com")),
                Map.of("Origin", List.of(DASHBOARD, DASHBOARD)))) {
            assertThat(answer(headers, stage).getHeaders()).as("%s", headers)
                    .doesNotContainKey("Access-Control-Allow-Origin").containsEntry("Vary", "Origin");
        }
        assertThat(answer(Map.of("Origin", List.of(DASHBOARD)), null).getHeaders())
                .as("no stage variable: no origin allowed").doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void aPreflightFromTheDashboardGetsTheMethodsAndTheFacesHeadersAndAnyOtherGetsNothing() {
        Map<String, String> stage = Map.of(DashboardCors.STAGE_VARIABLE, DASHBOARD);
        APIGatewayProxyResponseEvent allowed = DashboardCors.preflight(new APIGatewayProxyRequestEvent()
                .withMultiValueHeaders(Map.of("Origin", List.of(DASHBOARD))).withStageVariables(stage), HEADERS);
        APIGatewayProxyResponseEvent refused = DashboardCors.preflight(new APIGatewayProxyRequestEvent()
                .withMultiValueHeaders(Map.of("Origin", List.of("https://elsewhere.example"))).withStageVariables(stage),
                HEADERS);

        assertThat(allowed.getStatusCode()).isEqualTo(204);
        assertThat(allowed.getHeaders()).containsEntry("Access-Control-Allow-Origin", DASHBOARD)
                .containsEntry("Access-Control-Allow-Methods", "DELETE,GET,OPTIONS,POST,PUT")
                .containsEntry("Access-Control-Max-Age", "600").containsEntry("Access-Control-Allow-Headers", HEADERS);
        assertThat(refused.getStatusCode()).isEqualTo(204);
        assertThat(refused.getHeaders()).containsOnlyKeys("Vary");
    }
}
