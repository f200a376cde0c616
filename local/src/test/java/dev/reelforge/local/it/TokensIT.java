package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.apigateway.ApiGatewayEmulator;
import dev.reelforge.local.ibm.IbmGateway;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.lambda.LambdaJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IBM's OAuth token endpoints and bearer-token authorizer on the embedded stack, through HTTP. Authorized calls go
 * to a test-only route of IBM's API ({@link IbmGateway}) behind the template's authorizer, on a gateway of their own
 * (so its authorizer cache is this class's). The stack is this class's own: its clock moves 30 days forward.
 */
class TokensIT {

    private static Path dataDirectory;
    private static LocalStack stack;
    private static ApiGatewayEmulator gateway;
    private static URI probeApi;

    @BeforeAll
    static void start() {
        dataDirectory = SharedStack.temporaryDirectory("reelforge-tokens-it-");
        stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
        gateway = IbmGateway.start(stack);
        probeApi = gateway.endpoint();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (stack != null) {
            stack.close();
        }
        SharedStack.deleteRecursively(dataDirectory);
    }

    private static IbmHttp.Response token(Map<String, String> headers, Map<String, String> fields) {
        return IbmHttp.post(stack, "/oauth2/token", headers, IbmHttp.form(fields));
    }

    private static IbmHttp.Response refresh(IbmHttp.Client client, String refreshToken) {
        return token(Map.of("Authorization", "Basic " + client.clientSecret()), Map.of("grant_type", "refresh_token",
                "client_id", client.clientId(), "refresh_token", refreshToken));
    }

    private static IbmHttp.Response revoke(Map<String, String> fields) {
        return IbmHttp.post(stack, "/oauth2/token/revoke", Map.of(), IbmHttp.form(fields));
    }

    private static IbmHttp.Response probe(String accessToken) {
        return IbmHttp.get(probeApi, IbmGateway.PROBE_PATH, accessToken);
    }

    private static IbmHttp.Client stageClient() {
        return IbmHttp.developmentClient(stack, Environment.STAGE);
    }

    /** What the authorizer answers for {@code Authorization: <value>}, invoked as the gateway invokes it. */
    private static JsonNode authorize(String authorization) throws Exception {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:ibm/live/GET/videos/1.json");
        event.setHeaders(Map.of("Authorization", authorization));
        return Json.MAPPER.readTree(LambdaJson.toJson(stack.function("BearerTokenAuthorizerFunction").invoke(event)));
    }

    private static void assertIbmError(IbmHttp.Response response, int status, String error, String hintPart) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().path("error").asText()).as(response.text()).isEqualTo(error);
        assertThat(response.body().path("hint").asText()).as(response.text()).contains(hintPart);
        List<String> fields = new java.util.ArrayList<>();
        response.body().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(response.text()).isSubsetOf("error", "hint");
    }

    /** An error of the token endpoints or of the authorizer: never kept by a cache. */
    private static void assertUncachedIbmError(IbmHttp.Response response, int status, String error, String hintPart) {
        assertIbmError(response, status, error, hintPart);
        assertThat(response.header("Cache-Control")).as(response.text()).contains("no-store");
    }

    @Test
    void theDevelopmentClientGetsABearerPairForADayWithIbmsClientsRawSecretInBasic() {
        IbmHttp.Client client = stageClient();

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
    void theStandardBasicOfIdAndSecretTheSecretInTheFormAndAJsonBodyAreAcceptedToo() {
        IbmHttp.Client client = IbmHttp.developmentClient(stack, Environment.V1);
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));

        IbmHttp.Response encoded = token(Map.of("Authorization", "Basic " + basic),
                Map.of("grant_type", "client_credentials"));
        IbmHttp.Response inForm = token(Map.of(), Map.of("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));
        IbmHttp.Response json = IbmHttp.post(stack, "/oauth2/token", Map.of("Content-Type", "application/json",
                "Authorization", "Basic " + client.clientSecret()), "{\"grant_type\":\"client_credentials\","
                + "\"client_id\":\"" + client.clientId() + "\"}");

        assertThat(List.of(encoded, inForm, json)).allSatisfy(response -> {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(probe(response.body().path("access_token").asText()).body().path("environment").asText())
                    .isEqualTo("v1");
        });
    }

    @Test
    void anAccessTokenOpensIbmsApiAsItsOwnersClientInItsEnvironment() {
        IbmHttp.Response stage = probe(IbmHttp.accessToken(stack, Environment.STAGE));
        IbmHttp.Response v1 = probe(IbmHttp.accessToken(stack, Environment.V1));

        assertThat(stage.status()).as(stage.text()).isEqualTo(200);
        assertThat(stage.body().path("owner").asText()).isEqualTo(stack.descriptor().owner());
        assertThat(stage.body().path("environment").asText()).isEqualTo("stage");
        assertThat(stage.body().path("clientId").asText()).isEqualTo(stageClient().clientId());
        assertThat(stage.body().path("managesExpiration").asBoolean()).isTrue();
        assertThat(v1.body().path("environment").asText()).isEqualTo("v1");
        assertThat(v1.body().path("clientId").asText())
                .isEqualTo(IbmHttp.developmentClient(stack, Environment.V1).clientId());
    }

    @Test
    void anotherOwnersTokenCarriesThatOwnerAndItsClientsPermission() {
        IbmHttp.Owner other = IbmHttp.anotherOwner(stack, Set.of(Environment.V1));

        IbmHttp.Response stage = probe(IbmHttp.accessToken(stack, other, Environment.STAGE));
        IbmHttp.Response v1 = probe(IbmHttp.accessToken(stack, other, Environment.V1));

        assertThat(stage.body().path("owner").asText()).isEqualTo(other.owner())
                .isNotEqualTo(stack.descriptor().owner());
        assertThat(stage.body().path("managesExpiration").asBoolean()).isFalse();
        assertThat(v1.body().path("managesExpiration").asBoolean()).isTrue();
    }

    @Test
    void theAuthorizerAllowsTheWholeApiForALiveAccessTokenAndRefusesEverythingElse() throws Exception {
        IbmHttp.Tokens tokens = IbmHttp.tokens(stack, stageClient());

        JsonNode answer = authorize("bearer " + tokens.accessToken());

        assertThat(answer.at("/policyDocument/Statement/0/Effect").asText()).isEqualTo("Allow");
        assertThat(answer.at("/policyDocument/Statement/0/Resource/0").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:ibm/live/*");
        for (String authorization : new String[] {"Bearer " + tokens.refreshToken(),
                "Bearer 0000000000000000000000000000000000000000", "Bearer " + tokens.accessToken() + "x",
                "Basic " + tokens.accessToken(), "Bearer", "Bearer ", tokens.accessToken()}) {
            assertThatThrownBy(() -> authorize(authorization)).as(authorization).hasStackTraceContaining("Unauthorized");
        }
    }

    @Test
    void aMissingUnknownOrRefreshTokenAndShotstacksApiKeyGet401InvalidTokenWithABearerChallenge() {
        IbmHttp.Tokens tokens = IbmHttp.tokens(stack, stageClient());
        String apiKey = stack.descriptor().apiKey(Environment.STAGE);

        List<IbmHttp.Response> refused = List.of(
                IbmHttp.send(probeApi, "GET", IbmGateway.PROBE_PATH, Map.of(), Optional.empty()),
                IbmHttp.send(probeApi, "GET", IbmGateway.PROBE_PATH, Map.of("x-api-key", apiKey), Optional.empty()),
                IbmHttp.send(probeApi, "GET", IbmGateway.PROBE_PATH, Map.of("Authorization", apiKey), Optional.empty()),
                probe(apiKey),
                probe(tokens.refreshToken()),
                probe("not-a-token"));

        assertThat(refused).allSatisfy(response -> {
            assertUncachedIbmError(response, 401, "invalid_token", "Bearer");
            assertThat(response.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        });
    }

    @Test
    void anIbmTokenOnShotstacksRoutesGetsShotstacks401() {
        String accessToken = IbmHttp.accessToken(stack, Environment.STAGE);

        IbmHttp.Response response = IbmHttp.get(stack, "/edit/stage/render/" + UUID.randomUUID(), accessToken);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("success").asBoolean(true)).isFalse();
        assertThat(response.body().path("response").asText()).isEqualTo("x-api-key header is required");
    }

    @Test
    void aRefreshTokenBuysANewPairOnceAndTheNewAccessTokenWorks() {
        IbmHttp.Client client = stageClient();
        IbmHttp.Tokens first = IbmHttp.tokens(stack, client);

        IbmHttp.Response refreshed = refresh(client, first.refreshToken());
        IbmHttp.Response again = refresh(client, first.refreshToken());

        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        assertThat(refreshed.body().path("expires_in").asLong()).isEqualTo(86400);
        String newAccess = refreshed.body().path("access_token").asText();
        String newRefresh = refreshed.body().path("refresh_token").asText();
        assertThat(List.of(newAccess, newRefresh)).doesNotContain(first.accessToken(), first.refreshToken());
        assertThat(probe(newAccess).body().path("owner").asText()).isEqualTo(stack.descriptor().owner());
        assertUncachedIbmError(again, 400, "invalid_grant", "refresh_token");
        assertThat(refresh(client, newRefresh).status()).isEqualTo(200);
    }

    @Test
    void anAccessTokenAnotherClientsRefreshTokenOrAnUnknownOneIsAnInvalidGrant() {
        IbmHttp.Client client = stageClient();
        IbmHttp.Tokens mine = IbmHttp.tokens(stack, client);
        IbmHttp.Tokens v1 = IbmHttp.tokens(stack, IbmHttp.developmentClient(stack, Environment.V1));

        assertUncachedIbmError(refresh(client, mine.accessToken()), 400, "invalid_grant", "refresh_token");
        assertUncachedIbmError(refresh(client, v1.refreshToken()), 400, "invalid_grant", "refresh_token");
        assertUncachedIbmError(refresh(client, "0000000000000000000000000000000000000000"), 400, "invalid_grant",
                "refresh_token");
        assertUncachedIbmError(refresh(client, "short"), 400, "invalid_grant", "refresh_token");
        assertThat(refresh(IbmHttp.developmentClient(stack, Environment.V1), v1.refreshToken()).status())
                .as("the other client's token was not spent").isEqualTo(200);
    }

    @Test
    void clientMistakesAreAnsweredAsIbmAnswersThem() {
        IbmHttp.Client client = stageClient();
        String basic = "Basic " + client.clientSecret();
        Map<String, String> credentials = Map.of("grant_type", "client_credentials", "client_id", client.clientId());

        String wrongSecret = (client.clientSecret().charAt(0) == 'x' ? "y" : "x") + client.clientSecret().substring(1);
        assertUncachedIbmError(token(Map.of("Authorization", "Basic " + wrongSecret), credentials), 400, "invalid_client",
                "client");
        assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("grant_type", "client_credentials",
                "client_id", "0000000000000000000000000000000000000000")), 400, "invalid_client", "client");
        assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("grant_type", "client_credentials",
                "client_id", "not-ours")), 400, "invalid_client", "client");
        assertUncachedIbmError(token(Map.of(), credentials), 400, "invalid_client", "client secret");
        assertUncachedIbmError(token(Map.of("Authorization", "Bearer " + client.clientSecret()), credentials), 400,
                "invalid_client", "Authorization");
        assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("client_id", client.clientId())), 400,
                "invalid_request", "grant_type");
        assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("grant_type", "client_credentials")), 400,
                "invalid_request", "client_id");
        assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("grant_type", "refresh_token",
                "client_id", client.clientId())), 400, "invalid_request", "refresh_token");
        Map<String, String> both = new LinkedHashMap<>(credentials);
        both.put("client_secret", client.clientSecret());
        assertUncachedIbmError(token(Map.of("Authorization", basic), both), 400, "invalid_request", "client_secret");
        assertUncachedIbmError(IbmHttp.post(stack, "/oauth2/token", Map.of("Authorization", basic),
                "grant_type=client_credentials&client_id=" + client.clientId() + "&grant_type=client_credentials"),
                400, "invalid_request", "\"grant_type\" is sent twice");
        assertUncachedIbmError(IbmHttp.post(stack, "/oauth2/token", Map.of("Authorization", basic, "Content-Type",
                "text/plain"), IbmHttp.form(credentials)), 400, "invalid_request", "Content-Type");
        assertUncachedIbmError(IbmHttp.post(stack, "/oauth2/token", Map.of("Authorization", basic),
                "grant_type=client_credentials&client_id=%zz"), 400, "invalid_request", "%-escape");
        assertUncachedIbmError(IbmHttp.post(stack, "/oauth2/token", Map.of("Authorization", basic),
                IbmHttp.form(credentials) + "&device_name=" + "d".repeat(5000)), 413, "request_too_large", "4096");
        for (String grant : List.of("password", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer")) {
            assertUncachedIbmError(token(Map.of("Authorization", basic), Map.of("grant_type", grant,
                    "client_id", client.clientId())), 501, "unsupported_grant_type", "grant_type");
        }
    }

    @Test
    void anUnknownOauthRouteIsIbms404() {
        IbmHttp.Response response = IbmHttp.send(stack, "GET", "/oauth2/token", Map.of(), Optional.empty());

        assertIbmError(response, 404, "not_found", "no route");
    }

    @Test
    void aRevokedAccessTokenIsRefusedOnceTheAuthorizersCacheHasLetItGo() {
        String accessToken = IbmHttp.accessToken(stack, Environment.STAGE);
        assertThat(probe(accessToken).status()).isEqualTo(200);

        IbmHttp.Response revoked = revoke(Map.of("token", accessToken, "client_id", stageClient().clientId()));
        stack.clock().advance(Duration.ofSeconds(60));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text()).isEqualTo("{}");
        assertUncachedIbmError(probe(accessToken), 401, "invalid_token", "Bearer");
    }

    @Test
    void revokingARefreshTokenRevokesTheAccessTokenIssuedWithIt() {
        IbmHttp.Client client = stageClient();
        IbmHttp.Tokens tokens = IbmHttp.tokens(stack, client);

        assertThat(revoke(Map.of("token", tokens.refreshToken())).status()).isEqualTo(200);

        assertUncachedIbmError(refresh(client, tokens.refreshToken()), 400, "invalid_grant", "refresh_token");
        assertUncachedIbmError(probe(tokens.accessToken()), 401, "invalid_token", "Bearer");
    }

    @Test
    void revokingAnswers200WhateverTheTokenAndRevokesNothingOfAnotherClient() {
        IbmHttp.Tokens tokens = IbmHttp.tokens(stack, stageClient());

        List<IbmHttp.Response> answers = List.of(
                revoke(Map.of("token", "0000000000000000000000000000000000000000")),
                revoke(Map.of("token", "not a token at all")),
                revoke(Map.of("token", tokens.accessToken(), "client_id",
                        IbmHttp.developmentClient(stack, Environment.V1).clientId())));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(200));
        assertThat(probe(tokens.accessToken()).status()).as("another client's revocation revokes nothing")
                .isEqualTo(200);
        assertUncachedIbmError(revoke(Map.of("client_id", stageClient().clientId())), 400, "invalid_request", "token");
    }

    @Test
    void anAccessTokenLastsADayAndARefreshTokenThirtyDaysByTheStacksClock() {
        IbmHttp.Client client = stageClient();
        IbmHttp.Tokens day = IbmHttp.tokens(stack, client);
        IbmHttp.Tokens kept = IbmHttp.tokens(stack, client);
        IbmHttp.Tokens late = IbmHttp.tokens(stack, client);

        stack.clock().advance(Duration.ofDays(1).minusMinutes(1));
        assertThat(probe(day.accessToken()).status()).isEqualTo(200);
        stack.clock().advance(Duration.ofMinutes(2));
        assertUncachedIbmError(probe(day.accessToken()), 401, "invalid_token", "Bearer");

        stack.clock().advance(Duration.ofDays(29).minusMinutes(2));
        assertThat(refresh(client, kept.refreshToken()).status()).isEqualTo(200);
        stack.clock().advance(Duration.ofMinutes(2));
        assertUncachedIbmError(refresh(client, late.refreshToken()), 400, "invalid_grant", "refresh_token");
    }
}
