package dev.reelforge.core.appauth;

import dev.reelforge.core.oauth.RandomText;
import java.security.SecureRandom;

/**
 * What {@code POST /login/app} hands out and every {@code /me} request carries ({@code X-Access-Key},
 * {@code X-Access-Token}): two independent random values. The key's hash is the stored pair's lookup key, the
 * token's hash is compared in constant time; neither is stored in clear.
 */
public record AccessPair(String accessKey, String accessToken) {

    public static AccessPair generate(SecureRandom random) {
        return new AccessPair(RandomText.generate(random), RandomText.generate(random));
    }

    /** Whether both have the shape of ours (40 of {@code [0-9A-Za-z]}); others are never looked up. */
    public boolean wellFormed() {
        return RandomText.wellFormed(accessKey) && RandomText.wellFormed(accessToken);
    }

    public String keyHash() {
        return RandomText.sha256Hex(accessKey);
    }

    public String tokenHash() {
        return RandomText.sha256Hex(accessToken);
    }

    @Override
    public String toString() {
        return "AccessPair[redacted]";
    }
}
