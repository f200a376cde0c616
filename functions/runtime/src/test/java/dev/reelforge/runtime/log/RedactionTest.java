package dev.reelforge.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String SIGNED_URL = "https://d111111abcdef8.cloudfront.net/renders/owner-1/clip.mp4"
            + "?Expires=1893456000&Signature=Nql641NHEUkUaXQHZINK1FZ~SYeUSoBJMxjdgqrzIdzV2gyEXPDNv0pYdWJkflDKJ3xIu7lbwRpS"
            + "&Key-Pair-Id=K2JCJMDEHXQW5F";

    @Test
    void aSignedUrlKeepsItsHostAndPathAndLosesItsQuery() {
        assertThat(Redaction.url(SIGNED_URL))
                .isEqualTo("https://d111111abcdef8.cloudfront.net/renders/owner-1/clip.mp4?[redacted]");
    }

    @Test
    void aUrlLosesItsUserInfoAndFragment() {
        assertThat(Redaction.url("https://alice:s3cret@hooks.example.com/render#token=abc"))
                .isEqualTo("https://hooks.example.com/render?[redacted]");
        assertThat(Redaction.url("s3://temporary-bucket/renders/owner-1/clip.mp4"))
                .isEqualTo("s3://temporary-bucket/renders/owner-1/clip.mp4");
    }

    @Test
    void everyUrlInATextIsStripped() {
        String message = "GET " + SIGNED_URL + " failed; then POST https://hooks.example.com/cb?token=abc123 timed out";

        assertThat(Redaction.text(message)).isEqualTo(
                "GET https://d111111abcdef8.cloudfront.net/renders/owner-1/clip.mp4?[redacted] failed; "
                        + "then POST https://hooks.example.com/cb?[redacted] timed out");
    }

    @Test
    void signaturesAndCredentialsOutsideAUrlAreMasked() {
        assertThat(Redaction.text("GET /renders/a.mp4?Expires=1893456000&Signature=abc~def&Key-Pair-Id=K2JCJ 200"))
                .isEqualTo("GET /renders/a.mp4?[redacted] 200");
        assertThat(Redaction.text("is it done? yes, Expires=1893456000 Signature=abc~def"))
                .isEqualTo("is it done? yes, [redacted] [redacted]");
        assertThat(Redaction.text("X-Amz-Signature=0123abcd; x-api-key: abc; Authorization: Bearer xyz"))
                .isEqualTo("[redacted]; x-api-key: [redacted]; Authorization: [redacted]");
    }

    @Test
    void webhookSecretsSignaturesAndApiKeysAreMasked() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=";
        String apiKey = "Zx81QmTb0LrV6aPeK3sJwYd9uHn2CfGo7iX4NqWe";

        String redacted = Redaction.text("secret " + secret + " signed " + signature + " with key " + apiKey + ".");

        assertThat(redacted).isEqualTo("secret whsec_[redacted] signed v1,[redacted] with key [redacted].");
    }

    @Test
    void idsAndOrdinaryTextAreLeftAlone() {
        String text = "render 0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d of owner k3x9q0abcd: job 1671476818694-phptj0, "
                + "delivery msg_abcdefghijklmnopqrstuvwxyz";

        assertThat(Redaction.text(text)).isEqualTo(text);
    }

    @Test
    void aLongHostileTextIsRedactedWhole() {
        String hostile = "https://" + "a".repeat(200_000) + "?" + "b=".repeat(100_000) + " " + "whsec_".repeat(50_000);

        String redacted = Redaction.text(hostile);

        assertThat(redacted).startsWith("https://aaa").contains("?[redacted]").doesNotContain("b=b=");
    }
}
