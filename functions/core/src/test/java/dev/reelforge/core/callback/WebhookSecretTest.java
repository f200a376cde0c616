package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void aGeneratedSecretIsWhsecAndTheBase64Of24RandomBytesAndReadsBack() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.value()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(24);
        assertThat(WebhookSecret.parse(secret.value())).contains(secret);
        assertThat(WebhookSecret.generate(new SecureRandom())).isNotEqualTo(secret);
    }

    @Test
    void keysOf24To64BytesAreAccepted() {
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))).isPresent();
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not base64!",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", // 23 bytes
            "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void anythingElseIsNotASecret(String text) {
        assertThat(WebhookSecret.parse(text)).isEmpty();
    }

    @Test
    void tooLongAKeyIsNotASecret() {
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[65]))).isEmpty();
    }

    @Test
    void theKeyNeverShowsInLogs() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value().substring(6, 12));
    }
}
