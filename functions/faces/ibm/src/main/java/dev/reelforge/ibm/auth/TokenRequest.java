package dev.reelforge.ibm.auth;

import dev.reelforge.core.oauth.ClientSecret;
import dev.reelforge.core.oauth.IssueTokenCommand;
import dev.reelforge.core.oauth.OAuthClient;
import dev.reelforge.core.oauth.OAuthToken;
import dev.reelforge.core.oauth.RevokeTokenCommand;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.Parsed;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the token endpoints' requests (form-encoded as IBM documents them; a JSON object of the same fields is
 * accepted too). The client authenticates in one of three ways: IBM's own, {@code Authorization: Basic <secret as
 * is>} with {@code client_id} in the body; the standard {@code Authorization: Basic base64(client_id:secret)}; or
 * {@code client_id} and {@code client_secret} in the body. The two Basic forms cannot be confused: a secret is 40
 * characters, which decode to 30 bytes, too few to hold a 40-character client id and a colon.
 */
public final class TokenRequest {

    /** A token request is a few short fields. */
    public static final int MAX_BODY_BYTES = 4096;
    /** Longer than {@code Basic } and the base64 of the longest {@code id:secret} of ours, with room. */
    private static final int MAX_AUTHORIZATION_LENGTH = 512;
    private static final String BASIC = "basic ";
    private static final String INVALID_REQUEST = "invalid_request";

    private TokenRequest() {}

    /** {@code POST /oauth2/token}. */
    public static Parsed<IssueTokenCommand> issue(IbmRequest request) {
        return request.fields(MAX_BODY_BYTES, INVALID_REQUEST)
                .flatMap(fields -> grant(fields)
                        .flatMap(grant -> client(request, fields)
                                .map(client -> new IssueTokenCommand(client.id(), client.secret(), grant))));
    }

    /** {@code POST /oauth2/token/revoke}: {@code token} and, optionally, {@code client_id}. */
    public static Parsed<RevokeTokenCommand> revoke(IbmRequest request) {
        return request.fields(MAX_BODY_BYTES, INVALID_REQUEST).flatMap(fields -> required(fields, "token")
                .map(token -> new RevokeTokenCommand(token, Optional.ofNullable(fields.get("client_id"))
                        .filter(id -> !id.isEmpty()))));
    }

    private static Parsed<IssueTokenCommand.Grant> grant(Map<String, String> fields) {
        return required(fields, "grant_type").flatMap(type -> switch (type) {
            case "client_credentials" -> Parsed.ok(new IssueTokenCommand.ClientCredentials());
            case "refresh_token" -> required(fields, "refresh_token")
                    .map(token -> new IssueTokenCommand.RefreshToken(new OAuthToken(token)));
            default -> Parsed.rejected(new IbmError(501, "unsupported_grant_type",
                    Optional.of("the grant_type field must be client_credentials or refresh_token")));
        });
    }

    private record Client(String id, ClientSecret secret) {}

    private static Parsed<Client> client(IbmRequest request, Map<String, String> fields) {
        Optional<String> formId = Optional.ofNullable(fields.get("client_id"));
        Optional<String> formSecret = Optional.ofNullable(fields.get("client_secret"));
        return request.singleHeader("Authorization", INVALID_REQUEST).flatMap(header -> {
            if (header.isEmpty()) {
                if (formId.isEmpty()) {
                    return Parsed.rejected(IbmError.badRequest(INVALID_REQUEST, "the client_id field is required"));
                }
                if (formSecret.isEmpty()) {
                    return invalidClient("the client secret is required: as Authorization: Basic <secret>, or in "
                            + "the client_secret field");
                }
                return Parsed.ok(new Client(formId.get(), new ClientSecret(formSecret.get())));
            }
            if (formSecret.isPresent()) {
                return Parsed.rejected(IbmError.badRequest(INVALID_REQUEST, "the client secret must be sent once: "
                        + "in the Authorization header or in the client_secret field, not both"));
            }
            String value = header.get();
            if (value.length() > MAX_AUTHORIZATION_LENGTH || !value.regionMatches(true, 0, BASIC, 0, BASIC.length())
                    || value.length() == BASIC.length()) {
                return invalidClient("the Authorization header must be Basic <client secret> or Basic "
                        + "base64(client_id:client_secret)");
            }
            String credentials = value.substring(BASIC.length());
            Optional<Client> encoded = idAndSecret(credentials);
            if (encoded.isPresent()) {
                if (formId.isPresent() && !formId.get().equals(encoded.get().id())) {
                    return Parsed.rejected(IbmError.badRequest(INVALID_REQUEST,
                            "the client_id field differs from the client id in the Authorization header"));
                }
                return Parsed.ok(encoded.get());
            }
            if (formId.isEmpty()) {
                return Parsed.rejected(IbmError.badRequest(INVALID_REQUEST, "the client_id field is required"));
            }
            return Parsed.ok(new Client(formId.get(), new ClientSecret(credentials)));
        });
    }

    /** {@code base64(client_id:secret)}, when the text is that with a client id of ours before the colon. */
    private static Optional<Client> idAndSecret(String credentials) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0 || !OAuthClient.wellFormedId(text.substring(0, colon))) {
            return Optional.empty();
        }
        return Optional.of(new Client(text.substring(0, colon), new ClientSecret(text.substring(colon + 1))));
    }

    private static Parsed<String> required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty()
                ? Parsed.rejected(IbmError.badRequest(INVALID_REQUEST, "the " + name + " field is required"))
                : Parsed.ok(value);
    }

    private static <T> Parsed<T> invalidClient(String hint) {
        return Parsed.rejected(IbmError.badRequest("invalid_client", hint));
    }
}
