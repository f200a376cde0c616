package dev.reelforge.aws.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Temporary URLs are CloudFront canned-policy signed URLs that CloudFront (or anyone with the public key) accepts. */
class CloudFrontSignedUrlsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final KeyPair KEYS = keyPair();

    private final CloudFrontSignedUrls urls = new CloudFrontSignedUrls(URI.create("https://d111111abcdef8.cloudfront.net"),
            "renders/", "K2JCJMDEHXQW5F", KEYS.getPrivate(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theUrlIsTheObjectsPathOnTheDistributionBelowItsOriginPath() {
        URI url = URI.create(urls.urlOf("renders/owner1/2abd5c11.mp4"));

        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("d111111abcdef8.cloudfront.net");
        assertThat(url.getPath()).isEqualTo("/owner1/2abd5c11.mp4");
        assertThat(query(url)).containsOnlyKeys("Expires", "Signature", "Key-Pair-Id")
                .containsEntry("Key-Pair-Id", "K2JCJMDEHXQW5F");
    }

    @Test
    void itExpiresTwentyFourHoursAfterItIsHandedOutByTheGivenClock() {
        URI url = URI.create(urls.urlOf("renders/owner1/2abd5c11.mp4"));

        assertThat(Long.parseLong(query(url).get("Expires"))).isEqualTo(NOW.plusSeconds(24 * 3600).getEpochSecond());
    }

    @Test
    void theSignatureVerifiesWithThePublicKeyOverTheCannedPolicyOfTheUrl() throws Exception {
        URI url = URI.create(urls.urlOf("renders/owner1/2abd5c11-poster.jpg"));
        Map<String, String> query = query(url);
        String resource = url.getScheme() + "://" + url.getAuthority() + url.getRawPath();
        String policy = "{\"Statement\":[{\"Resource\":\"" + resource
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + query.get("Expires") + "}}}]}";
        byte[] signature = Base64.getDecoder().decode(query.get("Signature")
                .replace('-', '+').replace('_', '=').replace('~', '/'));

        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(KEYS.getPublic());
        verifier.update(policy.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).as("signature over %s", policy).isTrue();

        verifier.initVerify(KEYS.getPublic());
        verifier.update(policy.replace("poster", "thumb").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).as("the same signature for another file").isFalse();
    }

    @Test
    void aLocalDistributionKeepsItsSchemeAndPort() {
        CloudFrontSignedUrls local = new CloudFrontSignedUrls(URI.create("http://127.0.0.1:41234/"), "renders/",
                "K2JCJMDEHXQW5F", KEYS.getPrivate(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(local.urlOf("renders/owner1/a.mp4")).startsWith("http://127.0.0.1:41234/owner1/a.mp4?Expires=");
    }

    @Test
    void aKeyOutsideTheOriginPathHasNoUrlOnTheDistribution() {
        assertThatThrownBy(() -> urls.urlOf("work/owner1/intermediate.mp4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renders/");
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
