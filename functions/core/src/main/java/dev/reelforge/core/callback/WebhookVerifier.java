package dev.reelforge.core.callback;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a receiver does with a Reelforge callback (the README's snippet, in Java): the three headers must be
 * there, the timestamp within {@link #TOLERANCE} of the receiver's clock (replays of old messages fail),
 * and one of the {@code v1} signatures must equal the one computed with one of the receiver's secrets,
 * compared in constant time. Signatures of other versions are ignored, as the spec asks.
 */
public final class WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public WebhookVerifier(Clock clock) {
        this.clock = clock;
    }

    public sealed interface Verification {
        record Verified() implements Verification {}

        record Rejected(String reason) implements Verification {}
    }

    /** {@code headers} by name, in any case; {@code body} exactly as received. */
    public Verification verify(Map<String, String> headers, String body, List<WebhookSecret> secrets) {
        Optional<String> id = header(headers, WebhookSigner.ID);
        Optional<String> timestamp = header(headers, WebhookSigner.TIMESTAMP);
        Optional<String> signatures = header(headers, WebhookSigner.SIGNATURE);
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return new Verification.Rejected("missing webhook headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new Verification.Rejected("invalid webhook-timestamp");
        }
        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return new Verification.Rejected("webhook-timestamp too far from now");
        }
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSigner.hmac(secret, id.get() + "." + timestamp.get() + "." + body);
            for (String signature : signatures.get().strip().split(" +")) {
                if (!signature.startsWith("v1,")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return new Verification.Verified();
                }
            }
        }
        return new Verification.Rejected("no matching signature");
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
