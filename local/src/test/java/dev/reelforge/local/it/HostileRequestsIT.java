package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, written byte for byte to the embedded stack's API port: each must be
 * answered as API Gateway would, in the Shotstack envelope, with valid JSON that names the problem and quotes
 * nothing internal, never with a 5xx or an HTML page.
 */
class HostileRequestsIT {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("success", "message", "response", "errors");

    private static LocalStack stack;
    private static RawHttp raw;
    private static String stageKey;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        raw = new RawHttp(stack.apiUrl());
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/edit/stage/%22%7D",
            "/x%22,%22success%22:true,%22y%22:%22",
            "/edit/stage/renders%5C",
            "/edit/stage/renders%5C%22",
            "/edit/%0A%0D%09stage",
            "/edit/%00",
            "/edit/%E2%80%A8%E2%80%A9",
            "/edit/$context.requestId",
    })
    void anUnknownRouteAnswers404InTheEnvelopeWhateverItsPathHolds(String target) {
        RawHttp.Response response = raw.send(raw.head("GET", target, "x-api-key: " + stageKey));

        JsonNode body = envelope(response, 404);
        assertThat(body.path("response").asText()).isEqualTo("no route matches the method and path of the request");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C3 28", "C0 AF", "ED A0 80", "F8 88 80 80 80", "FF", "E2 82"})
    void aBodyThatIsNotUtf8Answers400NamingTheProblem(String badBytes) {
        long rendersBefore = storedRenders();
        byte[] body = concat(Edits.SMALL.substring(0, Edits.SMALL.indexOf("Hi")).getBytes(StandardCharsets.UTF_8),
                HexFormat.ofDelimiter(" ").parseHex(badBytes),
                Edits.SMALL.substring(Edits.SMALL.indexOf("Hi") + 2).getBytes(StandardCharsets.UTF_8));

        RawHttp.Response response = raw.send(concat(raw.head("POST", "/edit/stage/render", "x-api-key: " + stageKey,
                "Content-Type: application/json", "Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII),
                body));

        JsonNode answer = envelope(response, 400);
        assertThat(answer.path("response").asText()).startsWith("body is not valid UTF-8");
        assertThat(storedRenders()).as("a body that is not UTF-8 stores nothing").isEqualTo(rendersBefore);
    }

    @Test
    void aTruncatedBodyAnswers400() {
        long rendersBefore = storedRenders();
        byte[] body = Edits.SMALL.getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = raw.send(concat(raw.head("POST", "/edit/stage/render", "x-api-key: " + stageKey,
                "Content-Type: application/json", "Content-Length: " + (body.length + 100))
                .getBytes(StandardCharsets.US_ASCII), body));

        JsonNode answer = envelope(response, 400);
        assertThat(answer.path("response").asText()).contains("Content-Length");
        assertThat(storedRenders()).isEqualTo(rendersBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "zz\r\n{}\r\n0\r\n\r\n",
            "2\r\n{}0\r\n\r\n",
            "2\r\n{}\r\n",
            "10\r\n{}\r\n0\r\n\r\n",
            "-2\r\n{}\r\n0\r\n\r\n",
            "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
            "2\n{}\n0\n\n",
            "2\r\n{}\r\n0\r\nX-Trailer: a\u0000b\r\n\r\n",
    })
    void malformedChunkingAnswers400(String chunks) {
        RawHttp.Response response = raw.send(raw.head("POST", "/edit/stage/render", "x-api-key: " + stageKey,
                "Content-Type: application/json", "Transfer-Encoding: chunked") + chunks);

        JsonNode answer = envelope(response, 400);
        assertThat(answer.path("response").asText()).contains("chunk");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /edit/stage/render/a b HTTP/1.1",
            "GET /edit/\"quoted\" HTTP/1.1",
            "GET /edit/a\\b HTTP/1.1",
            "GET /edit/a<b> HTTP/1.1",
            "GET /edit/%zz HTTP/1.1",
            "GET /edit/% HTTP/1.1",
            "GET /edit/%C3%28 HTTP/1.1",
            "GET edit/stage HTTP/1.1",
            "OPTIONS * HTTP/1.1",
            "GET http://127.0.0.1/edit/stage/render HTTP/1.1",
            "GET /edit/stage HTTP/2.0",
            "GET /edit/stage HTTP/1.1 extra",
            "GET /edit/stage",
            "GET  /edit/stage HTTP/1.1",
            "garbage",
            "GE\"T /edit/stage HTTP/1.1",
            "GET /edit/\u0001 HTTP/1.1",
            "GET /edit/caf\u00e9 HTTP/1.1",
    })
    void aRequestLineTheGatewayCannotParseAnswers400InTheEnvelope(String requestLine) {
        RawHttp.Response response = raw.send(requestLine + "\r\nHost: 127.0.0.1\r\nx-api-key: " + stageKey
                + "\r\n\r\n");

        envelope(response, 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "X-Test: a\rb",
            "X-Test: a\u0000b",
            "X-Test: a\u007fb",
            "X-Test: a\r\n folded",
            "Bad Name: x",
            "Bad\"Name: x",
            "NoColon",
            ": no name",
            "X-Test : space before the colon",
            "X-Test: a\nX-Other: bare line feed",
            "Content-Length: abc",
            "Content-Length: -1",
            "Content-Length: +2",
            "Content-Length: 2, 2",
            "Content-Length: 99999999999999999999999",
            "Content-Length: 0\r\nContent-Length: 0",
            "Content-Length: 0\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
            "Host: another.example",
    })
    void aHeaderTheGatewayCannotParseAnswers400InTheEnvelope(String headerLines) {
        RawHttp.Response response = raw.send(raw.head("GET", "/edit/stage/render/" + UUID.randomUUID(),
                "x-api-key: " + stageKey, headerLines));

        envelope(response, 400);
    }

    @Test
    void aRequestWithoutHostAnswers400() {
        RawHttp.Response response = raw.send("GET /edit/stage/render/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "x-api-key: " + stageKey + "\r\n\r\n");

        assertThat(envelope(response, 400).path("response").asText()).contains("Host");
    }

    @Test
    void headersLargerThanTheGatewayAcceptsAnswer400NamingTheLimit() {
        RawHttp.Response response = raw.send(raw.head("GET", "/edit/stage/render/" + UUID.randomUUID(),
                "x-api-key: " + stageKey, "X-Padding: " + "a".repeat(20_000)));

        assertThat(envelope(response, 400).path("response").asText()).contains("10240");
    }

    @Test
    void aContentLengthOverThePayloadLimitAnswers413WithoutWaitingForTheBody() {
        RawHttp.Response response = raw.send(raw.head("POST", "/edit/stage/render", "x-api-key: " + stageKey,
                "Content-Type: application/json", "Content-Length: " + (10 * 1024 * 1024 + 1)));

        envelope(response, 413);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc%0A", "%0A", "abc%0D%0A", "..", "%2e%2e", "abc%00", "%22%5C", "abc%E2%80%A8"})
    void anIdThatIsNotAUuidAnswers400NamingTheIdWhateverItHolds(String id) {
        RawHttp.Response response = raw.send(raw.head("GET", "/edit/stage/render/" + id, "x-api-key: " + stageKey));

        JsonNode body = envelope(response, 400);
        assertThat(body.path("response").asText()).isEqualTo("id must be a UUID");
    }

    @Test
    void aNumberTooLongToReadAnswers400NamingTheField() {
        String edit = Edits.small("\"length\": 2", "\"length\": 1" + "0".repeat(2000));
        byte[] body = edit.getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = raw.send(concat(raw.head("POST", "/edit/stage/render", "x-api-key: " + stageKey,
                "Content-Type: application/json", "Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII),
                body));

        JsonNode answer = envelope(response, 400);
        assertThat(answer.path("response").asText())
                .isEqualTo("timeline.tracks[0].clips[0].length is a number longer than 1000 digits");
        assertThat(answer.at("/errors/0/path").asText()).isEqualTo("timeline.tracks[0].clips[0].length");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data=%zz", "data=%", "data=%C3%28", "%zz=true"})
    void aQueryStringWithABadEscapeAnswers400(String query) {
        RawHttp.Response response = raw.send(raw.head("GET", "/edit/stage/render/" + UUID.randomUUID() + "?" + query,
                "x-api-key: " + stageKey));

        envelope(response, 400);
    }

    @Test
    void aRepeatedApiKeyHeaderDoesNotChangeWhatTheKeyAloneIsAllowed() {
        String key = new CreateAccount(
                new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand())
                .apiKeys().get(Environment.STAGE).value();
        String target = "/edit/stage/render/" + UUID.randomUUID();

        RawHttp.Response twoKeys = raw.send(raw.head("GET", target, "x-api-key: " + key, "x-api-key: not-a-key"));
        RawHttp.Response keyAlone = raw.send(raw.head("GET", target, "x-api-key: " + key));

        envelope(twoKeys, 403);
        assertThat(envelope(keyAlone, 404).path("response").asText()).isEqualTo("id matches no render");
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInTurn() {
        String missing = "/edit/stage/render/" + UUID.randomUUID();
        String requests = raw.head("GET", missing, "x-api-key: " + stageKey)
                + raw.head("GET", "/edit/stage/render/not-a-uuid", "x-api-key: " + stageKey)
                + raw.head("HEAD", missing, "x-api-key: " + stageKey, "Connection: close");

        List<RawHttp.Response> responses = raw.sendExpecting(requests.getBytes(StandardCharsets.US_ASCII), 3);

        assertThat(envelope(responses.get(0), 404).path("response").asText()).isEqualTo("id matches no render");
        assertThat(envelope(responses.get(1), 400).path("response").asText()).isEqualTo("id must be a UUID");
        assertThat(responses.get(2).status()).isEqualTo(404);
        assertThat(responses.get(2).body()).as("a HEAD answer has no body").isEmpty();
        assertThat(responses.get(2).header("Connection")).hasValue("close");
    }

    @Test
    void anHttp10RequestWithoutHostIsAnsweredAndTheConnectionClosed() {
        RawHttp.Response response = raw.send("GET /edit/stage/render/" + UUID.randomUUID() + " HTTP/1.0\r\n"
                + "x-api-key: " + stageKey + "\r\n\r\n");

        assertThat(envelope(response, 404).path("response").asText()).isEqualTo("id matches no render");
        assertThat(response.header("Connection")).hasValue("close");
    }

    @Test
    void aChunkedBodyFromAnOrdinaryClientIsAccepted() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/edit/stage/render"))
                        .header("x-api-key", stageKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(Edits.SMALL.getBytes(StandardCharsets.UTF_8))))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aClientExpectingContinueGetsItsBodyRead() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/edit/stage/render"))
                        .header("x-api-key", stageKey)
                        .header("Content-Type", "application/json")
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString(Edits.SMALL))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The body as the Shotstack error envelope, after checking it is one, strictly, and quotes nothing internal. */
    private static JsonNode envelope(RawHttp.Response response, int status) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(response.body())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the body is not UTF-8: " + response.bodyText(), e);
        }
        assertThat(response.status()).as(text).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(text).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("the body is not valid JSON: " + text, e);
        }
        assertThat(body.isObject()).as(text).isTrue();
        assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean()).as(text).isTrue();
        assertThat(body.path("message").isTextual()).as(text).isTrue();
        assertThat(body.path("response").isTextual()).as(text).isTrue();
        assertThat(body.properties()).as(text).allSatisfy(field -> assertThat(ENVELOPE_FIELDS).contains(field.getKey()));
        assertThat(text).as("nothing internal is quoted")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("java.")
                .doesNotContain("dev.reelforge")
                .doesNotContain("<")
                .doesNotContain("\\n\\tat ");
        return body;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static long storedRenders() {
        return stack.services().dynamoDb().scan(scan -> scan.tableName(stack.tableName("RendersTable"))
                .select("COUNT")).count();
    }
}
