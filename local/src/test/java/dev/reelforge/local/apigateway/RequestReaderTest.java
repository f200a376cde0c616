package dev.reelforge.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static RequestReader reader(String bytes) {
        return new RequestReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsAWellFormedRequestWithItsDecodedPathQueryAndHeaders() throws Exception {
        RequestReader reader = reader("POST /edit/stage/render/a%20b%2Fc?data=true&merged=%C3%A9+x&flag HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Api-Key: one\r\nx-api-key: two\r\nContent-Length: 2\r\n\r\n{}");

        RequestReader.Head head = reader.head().orElseThrow();

        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.target()).isEqualTo("/edit/stage/render/a%20b%2Fc?data=true&merged=%C3%A9+x&flag");
        assertThat(head.path()).isEqualTo("/edit/stage/render/a b/c");
        assertThat(head.query()).isEqualTo(Map.of("data", List.of("true"), "merged", List.of("\u00e9 x"),
                "flag", List.of("")));
        assertThat(head.headers()).containsEntry("X-Api-Key", List.of("one", "two"));
        assertThat(head.keepAlive()).isTrue();
        assertThat(new String(reader.body(head), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        RequestReader reader = reader("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "3;name=value\r\n{\"a\r\nA\r\n\": \"0123\"}\r\n0\r\nX-Trailer: t\r\n\r\n");

        RequestReader.Head head = reader.head().orElseThrow();

        assertThat(new String(reader.body(head), StandardCharsets.UTF_8)).isEqualTo("{\"a\": \"0123\"}");
    }

    @Test
    void readsRequestsOneAfterAnotherOnOneConnectionAndSeesItsEnd() throws Exception {
        RequestReader reader = reader("GET /one HTTP/1.1\r\nHost: h\r\n\r\n\r\nGET /two HTTP/1.1\r\nHost: h\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(reader.head().orElseThrow().path()).isEqualTo("/one");
        RequestReader.Head second = reader.head().orElseThrow();
        assertThat(second.path()).isEqualTo("/two");
        assertThat(second.keepAlive()).isFalse();
        assertThat(reader.head()).isEmpty();
    }

    @Test
    void anHttp10RequestNeedsNoHostAndClosesUnlessAskedToKeepAlive() throws Exception {
        assertThat(reader("GET / HTTP/1.0\r\n\r\n").head().orElseThrow().keepAlive()).isFalse();
        assertThat(reader("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head().orElseThrow().keepAlive())
                .isTrue();
    }

    @Test
    void expectContinueIsNoticed() throws Exception {
        RequestReader.Head head = reader("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 1"
                + "\r\n\r\nx").head().orElseThrow();

        assertThat(head.expectsContinue()).isTrue();
    }

    @Test
    void aRefusalKnowsTheMethodAndPathWhenTheRequestLineWasRead() throws Exception {
        RequestReader reader = reader("GET /edit/%22 HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n");

        assertThatThrownBy(reader::head).isInstanceOfSatisfying(RequestRefusal.class, refusal -> {
            assertThat(refusal.problem()).isEqualTo("the Content-Length header must be one decimal number");
            assertThat(refusal.method()).contains("GET");
            assertThat(refusal.path()).contains("/edit/\"");
            assertThat(refusal.type()).isEqualTo(GatewayResponseType.MALFORMED_REQUEST);
        });
    }

    @Test
    void aBodyLargerThanTheGatewayTakesIsRefusedBeforeItIsRead() {
        RequestReader reader = reader("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: "
                + (RequestReader.MAX_PAYLOAD_BYTES + 1) + "\r\n\r\n");

        assertThatThrownBy(reader::head).isInstanceOfSatisfying(RequestRefusal.class,
                refusal -> assertThat(refusal.type()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE));
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsRefusedAsTooLarge() throws IOException, RequestRefusal {
        String chunk = "a".repeat(1 << 20);
        StringBuilder body = new StringBuilder("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i <= 10; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        RequestReader reader = reader(body.append("0\r\n\r\n").toString());
        RequestReader.Head head = reader.head().orElseThrow();

        assertThatThrownBy(() -> reader.body(head)).isInstanceOfSatisfying(RequestRefusal.class,
                refusal -> assertThat(refusal.type()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE));
    }
}
