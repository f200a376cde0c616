package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an API Gateway proxy request every face reads, read the same strict way whatever the face: the
 * body's exact bytes (bounded before decoding, UTF-8 checked to the byte), headers that may be sent once, path and
 * query parameters, and what the authorizer put in the request context. Each face maps the outcomes to its own
 * error envelope.
 */
public final class ProxyRequest {

    private final APIGatewayProxyRequestEvent event;

    public ProxyRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get(name));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get(name));
    }

    /** A value the authorizer put in the request context, when present and not blank. */
    public Optional<String> authorizerValue(String name) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
                .map(authorizer -> authorizer.get(name))
                .map(Object::toString)
                .filter(value -> !value.isBlank());
    }

    /** What a header that may be sent at most once holds. */
    public sealed interface HeaderValue {
        record Absent() implements HeaderValue {}

        record One(String value) implements HeaderValue {}

        /** Sent more than once: which one counts would be a guess. */
        record Repeated() implements HeaderValue {}
    }

    /**
     * The header's value, its name matched in any case. API Gateway lists every value in {@code multiValueHeaders}
     * and the last in {@code headers}.
     */
    public HeaderValue singleHeader(String name) {
        List<String> values = Optional.ofNullable(event.getMultiValueHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && header.getValue() != null)
                .flatMap(header -> header.getValue().stream())
                .filter(Objects::nonNull)
                .toList();
        if (values.size() > 1) {
            return new HeaderValue.Repeated();
        }
        if (!values.isEmpty()) {
            return new HeaderValue.One(values.getFirst());
        }
        return Optional.ofNullable(event.getHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && header.getValue() != null)
                .map(Map.Entry::getValue)
                .<HeaderValue>map(HeaderValue.One::new)
                .findFirst()
                .orElseGet(HeaderValue.Absent::new);
    }

    /** What the request's body turned out to be. */
    public sealed interface Body {
        record Absent() implements Body {}

        record Text(String text) implements Body {}

        record TooLarge(int maxBytes) implements Body {}

        record NotBase64() implements Body {}

        /** Not UTF-8: {@code where} says at which byte or character, without quoting it. */
        record NotUtf8(String where) implements Body {}
    }

    /**
     * The body as text, refused when larger than {@code maxBytes} or not UTF-8. API Gateway hands the body over
     * base64-encoded (the template lists every media type as binary) so that its bytes can be checked here exactly;
     * a text body (an event without base64) is taken as the text it already is.
     */
    public Body body(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new Body.Absent();
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            // base64 of at most maxBytes bytes is at most this long: refuse more before decoding anything
            if (body.length() > 4L * ((maxBytes + 2) / 3)) {
                return new Body.TooLarge(maxBytes);
            }
            if (body.length() % 4 != 0) {
                return new Body.NotBase64(); // API Gateway pads its base64
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new Body.NotBase64();
            }
            if (bytes.length > maxBytes) {
                return new Body.TooLarge(maxBytes);
            }
            return utf8(bytes);
        }
        if (body.length() > maxBytes || body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return new Body.TooLarge(maxBytes);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Body.NotUtf8("character " + i + " is half of a surrogate pair");
            }
        }
        return new Body.Text(body);
    }

    /** What a request's body is, read as bytes (a file upload). */
    public sealed interface Bytes {
        record Absent() implements Bytes {}

        record Read(byte[] bytes) implements Bytes {}

        record TooLarge(int maxBytes) implements Bytes {}

        record NotBase64() implements Bytes {}
    }

    /**
     * The body's exact bytes, refused when larger than {@code maxBytes} before any is decoded. A body that is not
     * base64 (an event whose media type was not binary) is taken as the UTF-8 of its text.
     */
    public Bytes bytes(int maxBytes) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return new Bytes.Absent();
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            if (body.length() > 4L * ((maxBytes + 2) / 3)) {
                return new Bytes.TooLarge(maxBytes);
            }
            if (body.length() % 4 != 0) {
                return new Bytes.NotBase64();
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new Bytes.NotBase64();
            }
            return bytes.length > maxBytes ? new Bytes.TooLarge(maxBytes) : new Bytes.Read(bytes);
        }
        if (body.length() > maxBytes) {
            return new Bytes.TooLarge(maxBytes);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes.length > maxBytes ? new Bytes.TooLarge(maxBytes) : new Bytes.Read(bytes);
    }

    /** The bytes as text, refused at the first byte that does not belong to a well-formed UTF-8 character. */
    private static Body utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Body.NotUtf8("byte " + in.position() + " does not start a well-formed character");
        }
        return new Body.Text(out.flip().toString());
    }
}
