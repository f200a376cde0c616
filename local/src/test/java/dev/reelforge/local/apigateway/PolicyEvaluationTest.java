package dev.reelforge.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:api/live/POST/edit/stage/render";

    private static Map<String, Object> statement(String effect, Object resource) {
        return Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource);
    }

    @Test
    void anAllowWhoseWildcardsMatchTheMethodArnAllows() {
        Map<String, Object> policy = Map.of("Statement", List.of(
                statement("Allow", List.of("arn:aws:execute-api:us-east-1:000000000000:api/live/*/edit/stage/*"))));

        assertThat(PolicyEvaluation.allows(policy, ARN)).isTrue();
        assertThat(PolicyEvaluation.allows(policy, ARN.replace("/stage/", "/v1/"))).isFalse();
    }

    @Test
    void wildcardsMatchLineTerminatorsAsAnyOtherCharacter() {
        Map<String, Object> policy = Map.of("Statement", List.of(
                statement("Allow", "arn:aws:execute-api:us-east-1:000000000000:api/live/*/edit/stage/*"),
                statement("Deny", "arn:aws:execute-api:us-east-1:000000000000:api/live/GET/edit/stage/render/?")));
        String get = "arn:aws:execute-api:us-east-1:000000000000:api/live/GET/edit/stage/render/";

        assertThat(PolicyEvaluation.allows(policy, get + "abc\n")).isTrue();
        assertThat(PolicyEvaluation.allows(policy, get + "\r\nabc\u2028")).isTrue();
        assertThat(PolicyEvaluation.allows(policy, get + "\n")).as("? matches a newline too").isFalse();
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        Map<String, Object> policy = Map.of("Statement", List.of(
                statement("Allow", "arn:aws:execute-api:*"),
                statement("Deny", "arn:aws:execute-api:us-east-1:000000000000:api/live/POST/*")));

        assertThat(PolicyEvaluation.allows(policy, ARN)).isFalse();
    }

    @Test
    void withoutAMatchingAllowTheRequestIsDenied() {
        assertThat(PolicyEvaluation.allows(Map.of("Statement", List.of()), ARN)).isFalse();
        assertThat(PolicyEvaluation.allows(Map.of("Statement", statement("Allow", "arn:aws:s3:::bucket/*")), ARN))
                .isFalse();
    }

    @Test
    void aStatementForAnotherActionDoesNotAllow() {
        Map<String, Object> policy = Map.of("Statement",
                Map.of("Action", "execute-api:ManageConnections", "Effect", "Allow", "Resource", "*"));

        assertThat(PolicyEvaluation.allows(policy, ARN)).isFalse();
    }
}
