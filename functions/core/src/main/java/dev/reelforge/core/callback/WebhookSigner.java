package dev.reelforge.core.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks specification says: HMAC-SHA256, keyed by the secret's decoded
 * bytes, over {@code {webhook-id}.{webhook-timestamp}.{body}}, sent as {@code v1,<base64>}. While a secret
 * is being rotated both are active and the header carries one signature per secret, space-separated, so a
 * receiver holding either verifies the message.
 */
public final class WebhookSigner {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSigner() {}

    /** The three headers of a message sent at {@code sentAt}, signed with every active secret. */
    public static Map<String, String> headers(String id, Instant sentAt, String body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is signed with at least one secret");
        }
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(SIGNATURE, secrets.stream()
                .map(secret -> signature(secret, id, timestamp, body))
                .collect(Collectors.joining(" ")));
        return headers;
    }

    /** One {@code v1,<base64>} signature. */
    public static String signature(WebhookSecret secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    static byte[] hmac(WebhookSecret secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
