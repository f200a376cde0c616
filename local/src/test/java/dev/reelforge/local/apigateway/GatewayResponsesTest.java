package dev.reelforge.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway responses of template.yaml, rendered as API Gateway renders them, for hostile requests. */
class GatewayResponsesTest {

    /** Each holds {@code zq}, which no template, message or request id does: found in a body, the path was echoed. */
    private static final List<String> HOSTILE_PATHS = List.of(
            "/edit/zq\"}",
            "/zq\",\"success\":true,\"y\":\"",
            "/edit/zq\\",
            "/edit/zq\\\"",
            "/edit/zq\n\r\t\u0000",
            "/edit/zq\u2028\u2029",
            "/edit/zq$context.requestId",
            "/edit/zq</script>");

    private static final List<String> HOSTILE_MESSAGES = List.of(
            "the request has a \"quoted\" part",
            "a back\\slash",
            "a line\nbreak and a $context.path");

    private static final Set<String> ENVELOPE_FIELDS = Set.of("success", "message", "response", "errors");

    private static ApiDefinition shotstackApi() {
        return api("ShotstackApi");
    }

    private static ApiDefinition api(String logicalId) {
        return SamTemplate.load(ProjectFiles.template()).apis().stream()
                .filter(api -> api.logicalId().equals(logicalId))
                .findFirst().orElseThrow();
    }

    /** Every response type the template defines, and every type the emulator answers with (which may fall back). */
    static Stream<Arguments> everyResponse() {
        return responsesOf(shotstackApi());
    }

    static Stream<Arguments> everyIbmResponse() {
        return responsesOf(api("IbmApi"));
    }

    static Stream<Arguments> everyPicovicoResponse() {
        return responsesOf(api("PicovicoApi"));
    }

    private static Stream<Arguments> responsesOf(ApiDefinition api) {
        List<Arguments> cases = new ArrayList<>();
        api.gatewayResponses().forEach((type, definition) -> cases.add(Arguments.of("template " + type,
                (Rendering) (path, message) -> GatewayResponses.substitute(definition.templates().get("application/json"),
                        facts(path), api.stageName(), GatewayResponseType.MALFORMED_REQUEST, message))));
        for (GatewayResponseType type : GatewayResponseType.values()) {
            cases.add(Arguments.of("type " + type, (Rendering) (path, message) -> new String(
                    GatewayResponses.render(Optional.of(api), type, facts(path), message).body(), StandardCharsets.UTF_8)));
        }
        return cases.stream();
    }

    interface Rendering {
        String body(String path, String message);
    }

    private static GatewayResponses.RequestFacts facts(String path) {
        return new GatewayResponses.RequestFacts("c0ffee00-0000-4000-8000-000000000000", "GET", path, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyResponse")
    void everyGatewayResponseIsValidJsonInTheShotstackEnvelopeWhateverThePathAndMessage(String response,
            Rendering rendering) {
        SoftAssertions softly = new SoftAssertions();
        for (String path : HOSTILE_PATHS) {
            for (String message : HOSTILE_MESSAGES) {
                String text = rendering.body(path, message);
                JsonNode body;
                try {
                    body = Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    softly.fail("not valid JSON for path " + path + ": " + text);
                    continue;
                }
                softly.assertThat(body.isObject()).as(text).isTrue();
                softly.assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean()).as(text)
                        .isTrue();
                softly.assertThat(body.path("message").isTextual()).as(text).isTrue();
                softly.assertThat(body.path("response").isTextual()).as(text).isTrue();
                body.fieldNames().forEachRemaining(field -> softly.assertThat(ENVELOPE_FIELDS).as(text).contains(field));
                softly.assertThat(text).as("the path is not echoed").doesNotContain("zq");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIbmResponse")
    void everyIbmGatewayResponseIsValidJsonInIbmsEnvelopeWhateverThePathAndMessage(String response,
            Rendering rendering) {
        SoftAssertions softly = new SoftAssertions();
        for (String path : HOSTILE_PATHS) {
            for (String message : HOSTILE_MESSAGES) {
                String text = rendering.body(path.replace("/edit/", "/videos/"), message);
                JsonNode body;
                try {
                    body = Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    softly.fail("not valid JSON for path " + path + ": " + text);
                    continue;
                }
                softly.assertThat(body.path("error").isTextual()).as(text).isTrue();
                softly.assertThat(body.path("hint").isMissingNode() || body.path("hint").isTextual()).as(text).isTrue();
                body.fieldNames().forEachRemaining(field -> softly.assertThat(Set.of("error", "hint")).as(text)
                        .contains(field));
                softly.assertThat(text).as("the path is not echoed").doesNotContain("zq");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPicovicoResponse")
    void everyPicovicoGatewayResponseIsValidJsonInPicovicosEnvelopeWhateverThePathAndMessage(String response,
            Rendering rendering) {
        SoftAssertions softly = new SoftAssertions();
        for (String path : HOSTILE_PATHS) {
            for (String message : HOSTILE_MESSAGES) {
                String text = rendering.body(path.replace("/edit/", "/me/"), message);
                JsonNode body;
                try {
                    body = Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    softly.fail("not valid JSON for path " + path + ": " + text);
                    continue;
                }
                softly.assertThat(body.path("error").path("message").isTextual()).as(text).isTrue();
                softly.assertThat(body.path("error").path("status").isInt()).as(text).isTrue();
                softly.assertThat(body.size()).as(text).isEqualTo(1);
                softly.assertThat(body.path("error").size()).as(text).isEqualTo(2);
                softly.assertThat(text).as("the path is not echoed").doesNotContain("zq");
            }
        }
        softly.assertAll();
    }

    @Test
    void picovicosUnauthorizedIs401InItsEnvelopeAndItsFailuresAre500NamingTheRequestId() throws IOException {
        ApiDefinition api = api("PicovicoApi");

        HttpResponse unauthorized = GatewayResponses.render(Optional.of(api), GatewayResponseType.UNAUTHORIZED,
                facts("/me"));
        HttpResponse failure = GatewayResponses.render(Optional.of(api), GatewayResponseType.AUTHORIZER_FAILURE,
                facts("/me"));

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(unauthorized.body()).at("/error/status").asInt()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(unauthorized.body()).at("/error/message").asText())
                .contains("X-Access-Key", "X-Access-Token");
        assertThat(failure.status()).isEqualTo(500);
        assertThat(Json.MAPPER.readTree(failure.body()).at("/error/status").asInt()).isEqualTo(500);
        assertThat(Json.MAPPER.readTree(failure.body()).at("/error/message").asText())
                .contains("c0ffee00-0000-4000-8000");
    }

    @Test
    void ibmsUnauthorizedIs401InvalidTokenWithABearerChallengeAndItsFailuresAre503() throws IOException {
        ApiDefinition api = api("IbmApi");

        HttpResponse unauthorized = GatewayResponses.render(Optional.of(api), GatewayResponseType.UNAUTHORIZED,
                facts("/videos/1.json"));
        HttpResponse failure = GatewayResponses.render(Optional.of(api), GatewayResponseType.AUTHORIZER_FAILURE,
                facts("/videos/1.json"));

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.headers().get("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
        assertThat(Json.MAPPER.readTree(unauthorized.body()).path("error").asText()).isEqualTo("invalid_token");
        assertThat(failure.status()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(failure.body()).path("error").asText()).isEqualTo("server_error");
        assertThat(Json.MAPPER.readTree(failure.body()).path("hint").asText()).contains("c0ffee00-0000-4000-8000");
    }

    @Test
    void messageStringIsSubstitutedAsAQuotedJsonStringAndMessageVerbatim() {
        GatewayResponses.RequestFacts facts = facts("/a\"b");

        assertThat(GatewayResponses.substitute("{\"m\":$context.error.messageString}", facts, "live",
                GatewayResponseType.MALFORMED_REQUEST, "say \"hi\"\n")).isEqualTo("{\"m\":\"say \\\"hi\\\"\\n\"}");
        assertThat(GatewayResponses.substitute("$context.error.message", facts, "live",
                GatewayResponseType.MALFORMED_REQUEST, "say \"hi\"")).isEqualTo("say \"hi\"");
    }

    @Test
    void contextVariablesAreSubstitutedOnceAndVerbatimAsOnAws() {
        GatewayResponses.RequestFacts facts = new GatewayResponses.RequestFacts("id-1", "GET",
                "/edit/$context.requestId\"", "/edit/{x}");

        String body = GatewayResponses.substitute("$context.path $context.httpMethod $context.resourcePath "
                        + "$context.requestId. $context.stage $context.error.responseType $context.unknown",
                facts, "live", GatewayResponseType.ACCESS_DENIED, "m");

        assertThat(body).isEqualTo("/live/edit/$context.requestId\" GET /edit/{x} id-1. live ACCESS_DENIED "
                + "$context.unknown");
    }

    @Test
    void aQuotedMessageStringBreaksTheJsonAsItWouldOnAws() {
        String quotedTwice = GatewayResponses.substitute("{\"response\":\"$context.error.messageString\"}",
                facts("/"), "live", GatewayResponseType.MALFORMED_REQUEST, "Bad Request");

        assertThat(quotedTwice).isEqualTo("{\"response\":\"\"Bad Request\"\"}");
    }
}
