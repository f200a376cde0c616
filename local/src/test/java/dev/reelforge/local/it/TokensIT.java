package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.lambda.LambdaJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IBM's OAuth token endpoint and bearer-token authorizer on the embedded stack, through HTTP. */
class TokensIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    private static IbmHttp.Response token(Map<String, String> headers, Map<String, String> fields) {
        return IbmHttp.post(stack, "/oauth2/token", headers, IbmHttp.form(fields));
    }

    /** What the authorizer answers for {@code Authorization: <value>}, invoked as the gateway invokes it. */
    private static JsonNode authorize(String authorization) throws Exception {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:ibm/live/GET/videos/1.json");
        event.setHeaders(Map.of("Authorization", authorization));
        return Json.MAPPER.readTree(LambdaJson.toJson(stack.function("BearerTokenAuthorizerFunction").invoke(event)));
    }

    @Test
    void theDevelopmentClientGetsABearerPairForADayWithIbmsClientsRawSecretInBasic() {
        IbmHttp.Client client = IbmHttp.developmentClient(stack, Environment.STAGE);

        IbmHttp.Response response = token(Map.of("Authorization", "Basic " + client.clientSecret()),
                Map.of("grant_type", "client_credentials", "client_id", client.clientId(), "device_name", "tests"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Type")).contains("application/json");
        JsonNode body = response.body();
        assertThat(body.path("access_token").asText()).matches("[0-9A-Za-z]{40}");
        assertThat(body.path("refresh_token").asText()).matches("[0-9A-Za-z]{40}")
                .isNotEqualTo(body.path("access_token").asText());
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(86400);
    }

    @Test
    void theStandardBasicOfIdAndSecretAndTheSecretInTheFormAreAcceptedToo() {
        IbmHttp.Client client = IbmHttp.developmentClient(stack, Environment.V1);
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));

        IbmHttp.Response encoded = token(Map.of("Authorization", "Basic " + basic),
                Map.of("grant_type", "client_credentials"));
        IbmHttp.Response inForm = token(Map.of(), Map.of("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));

        assertThat(encoded.status()).as(encoded.text()).isEqualTo(200);
        assertThat(inForm.status()).as(inForm.text()).isEqualTo(200);
    }

    @Test
    void anAccessTokenOpensItsOwnersEnvironmentWithTheClientsPermission() throws Exception {
        String stage = IbmHttp.accessToken(stack, Environment.STAGE);
        String v1 = IbmHttp.accessToken(stack, Environment.V1);

        JsonNode stageAnswer = authorize("Bearer " + stage);
        JsonNode v1Answer = authorize("bearer " + v1);

        assertThat(stageAnswer.at("/policyDocument/Statement/0/Effect").asText()).isEqualTo("Allow");
        assertThat(stageAnswer.at("/policyDocument/Statement/0/Resource/0").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:ibm/live/*");
        assertThat(stageAnswer.path("context").path("owner").asText()).isEqualTo(stack.descriptor().owner());
        assertThat(stageAnswer.path("context").path("environment").asText()).isEqualTo("stage");
        assertThat(stageAnswer.path("context").path("clientId").asText())
                .isEqualTo(IbmHttp.developmentClient(stack, Environment.STAGE).clientId());
        assertThat(stageAnswer.path("context").path("managesExpiration").asText()).isEqualTo("true");
        assertThat(v1Answer.path("context").path("environment").asText()).isEqualTo("v1");
    }

    @Test
    void anotherOwnersTokenCarriesThatOwnerAndItsClientsPermission() throws Exception {
        IbmHttp.Owner other = IbmHttp.anotherOwner(stack, java.util.Set.of(Environment.V1));

        JsonNode answer = authorize("Bearer " + IbmHttp.accessToken(stack, other, Environment.STAGE));

        assertThat(answer.path("context").path("owner").asText()).isEqualTo(other.owner())
                .isNotEqualTo(stack.descriptor().owner());
        assertThat(answer.path("context").path("managesExpiration").asText()).isEqualTo("false");
    }

    @Test
    void aRefreshTokenAnUnknownTokenOrAnotherSchemeIsUnauthorized() {
        IbmHttp.Tokens tokens = IbmHttp.tokens(stack, IbmHttp.developmentClient(stack, Environment.STAGE));

        for (String authorization : new String[] {"Bearer " + tokens.refreshToken(),
                "Bearer 0000000000000000000000000000000000000000", "Bearer " + tokens.accessToken() + "x",
                "Basic " + tokens.accessToken(), "Bearer", "Bearer "}) {
            assertThatThrownBy(() -> authorize(authorization)).as(authorization).hasStackTraceContaining("Unauthorized");
        }
    }
}
