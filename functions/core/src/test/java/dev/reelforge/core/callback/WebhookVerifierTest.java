package dev.reelforge.core.callback;

import static dev.reelforge.core.callback.WebhookSignerTest.SPEC_BODY;
import static dev.reelforge.core.callback.WebhookSignerTest.SPEC_ID;
import static dev.reelforge.core.callback.WebhookSignerTest.SPEC_SECRET;
import static dev.reelforge.core.callback.WebhookSignerTest.SPEC_SIGNATURE;
import static dev.reelforge.core.callback.WebhookSignerTest.SPEC_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.callback.WebhookVerifier.Verification.Rejected;
import dev.reelforge.core.callback.WebhookVerifier.Verification.Verified;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static WebhookVerifier at(long epochSecond) {
        return new WebhookVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static Map<String, String> headers(String signature) {
        return Map.of("Webhook-Id", SPEC_ID, "Webhook-Timestamp", Long.toString(SPEC_TIMESTAMP),
                "Webhook-Signature", signature);
    }

    @Test
    void verifiesTheSpecificationsTestVector() {
        assertThat(at(SPEC_TIMESTAMP).verify(headers(SPEC_SIGNATURE), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Verified());
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughAndOtherVersionsAreIgnored() {
        String header = "v1a,abc v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SPEC_SIGNATURE;

        assertThat(at(SPEC_TIMESTAMP).verify(headers(header), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Verified());
    }

    @Test
    void aReceiverHoldingOnlyThePreviousSecretStillVerifiesDuringARotation() {
        WebhookSecret next = WebhookSecret.generate(new SecureRandom());
        Map<String, String> signed = WebhookSigner.headers(SPEC_ID, Instant.ofEpochSecond(SPEC_TIMESTAMP), SPEC_BODY,
                List.of(next, SPEC_SECRET));

        assertThat(at(SPEC_TIMESTAMP).verify(signed, SPEC_BODY, List.of(SPEC_SECRET))).isEqualTo(new Verified());
        assertThat(at(SPEC_TIMESTAMP).verify(signed, SPEC_BODY, List.of(next))).isEqualTo(new Verified());
    }

    @Test
    void aChangedBodyIsRejected() {
        assertThat(at(SPEC_TIMESTAMP).verify(headers(SPEC_SIGNATURE), "{\"test\": 2432232315}", List.of(SPEC_SECRET)))
                .isEqualTo(new Rejected("no matching signature"));
    }

    @Test
    void anotherSecretIsRejected() {
        assertThat(at(SPEC_TIMESTAMP).verify(headers(SPEC_SIGNATURE), SPEC_BODY,
                List.of(WebhookSecret.generate(new SecureRandom()))))
                .isEqualTo(new Rejected("no matching signature"));
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRejectedEitherWay() {
        assertThat(at(SPEC_TIMESTAMP + 300).verify(headers(SPEC_SIGNATURE), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Verified());
        assertThat(at(SPEC_TIMESTAMP + 301).verify(headers(SPEC_SIGNATURE), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Rejected("webhook-timestamp too far from now"));
        assertThat(at(SPEC_TIMESTAMP - 301).verify(headers(SPEC_SIGNATURE), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Rejected("webhook-timestamp too far from now"));
    }

    @Test
    void missingHeadersAreRejected() {
        assertThat(at(SPEC_TIMESTAMP).verify(Map.of("webhook-id", SPEC_ID), SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(new Rejected("missing webhook headers"));
    }
}
