package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    // The Standard Webhooks specification's test vector.
    static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").orElseThrow();
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVectorAsPublished() {
        assertThat(WebhookSigner.signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void headersCarryTheIdTheTimestampInUnixSecondsAndTheSignature() {
        Map<String, String> headers = WebhookSigner.headers(SPEC_ID, Instant.ofEpochSecond(SPEC_TIMESTAMP, 999_000_000),
                SPEC_BODY, List.of(SPEC_SECRET));

        assertThat(headers).containsExactly(
                Map.entry("webhook-id", SPEC_ID),
                Map.entry("webhook-timestamp", "1614265330"),
                Map.entry("webhook-signature", SPEC_SIGNATURE));
    }

    @Test
    void duringARotationTheMessageIsSignedWithEverySecretSpaceSeparated() {
        WebhookSecret next = WebhookSecret.generate(new SecureRandom());

        String header = WebhookSigner.headers(SPEC_ID, Instant.ofEpochSecond(SPEC_TIMESTAMP), SPEC_BODY,
                List.of(next, SPEC_SECRET)).get("webhook-signature");

        assertThat(header.split(" ")).containsExactly(
                WebhookSigner.signature(next, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY), SPEC_SIGNATURE);
    }

    @Test
    void aMessageIsNeverSentUnsigned() {
        assertThatThrownBy(() -> WebhookSigner.headers(SPEC_ID, Instant.EPOCH, SPEC_BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
