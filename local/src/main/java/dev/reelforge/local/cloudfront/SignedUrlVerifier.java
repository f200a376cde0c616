package dev.reelforge.local.cloudfront;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What CloudFront checks of a request to a distribution that trusts key groups: a signed URL with a canned
 * policy ({@code Expires}, {@code Signature}, {@code Key-Pair-Id}) whose signature (RSA with SHA-1, in CloudFront's
 * URL-safe base64: {@code +} as {@code -}, {@code =} as {@code _}, {@code /} as {@code ~}) is over
 * {@code {"Statement":[{"Resource":"<the URL without those three>","Condition":{"DateLessThan":{"AWS:EpochTime":
 * <Expires>}}}]}} by the private key of a trusted public key, and whose time has not come.
 *
 * <p>A refusal carries CloudFront's own code and message where they are known (missing key pair id, unknown key,
 * undecodable signature); every other refusal (a wrong, tampered or expired signature, a missing Expires or
 * Signature, a custom policy, which is not emulated) is CloudFront's {@code AccessDenied: Access denied}.
 */
final class SignedUrlVerifier {

    static final String EXPIRES = "Expires";
    static final String SIGNATURE = "Signature";
    static final String KEY_PAIR_ID = "Key-Pair-Id";

    /** A refusal, as CloudFront's 403 XML body names it. */
    record Refusal(String code, String message) {}

    static final Refusal ACCESS_DENIED = new Refusal("AccessDenied", "Access denied");

    private final Map<String, PublicKey> trustedKeys;
    private final Clock clock;

    /** @param trustedKeys PEM public keys by their id (the Key-Pair-Id a URL names) */
    SignedUrlVerifier(Map<String, String> trustedKeys, Clock clock) {
        this.trustedKeys = new LinkedHashMap<>();
        trustedKeys.forEach((id, pem) -> this.trustedKeys.put(id, publicKey(id, pem)));
        this.clock = clock;
    }

    /**
     * @param base     the URL up to its path, as the viewer asked for it ({@code http://127.0.0.1:4567/o/f.mp4})
     * @param rawQuery the URL's query as sent, or null
     * @return why the request is refused; empty when the URL is good now
     */
    Optional<Refusal> check(String base, String rawQuery) {
        Map<String, String> signing = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name.equals(EXPIRES) || name.equals(SIGNATURE) || name.equals(KEY_PAIR_ID) || name.equals("Policy")) {
                    signing.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                } else {
                    others.add(pair);
                }
            }
        }
        String keyPairId = signing.getOrDefault(KEY_PAIR_ID, "");
        if (keyPairId.isEmpty()) {
            return Optional.of(new Refusal("MissingKey", "Missing Key-Pair-Id query parameter or cookie value"));
        }
        PublicKey key = trustedKeys.get(keyPairId);
        if (key == null) {
            return Optional.of(new Refusal("InvalidKey", "Unknown Key"));
        }
        String expires = signing.getOrDefault(EXPIRES, "");
        String signature = signing.getOrDefault(SIGNATURE, "");
        if (signing.containsKey("Policy") || expires.isEmpty() || signature.isEmpty()) {
            return Optional.of(ACCESS_DENIED);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.replace('-', '+').replace('_', '=').replace('~', '/'));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal("MalformedSignature", "Could not unencode Signature"));
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Optional.of(ACCESS_DENIED);
        }
        String resource = others.isEmpty() ? base : base + "?" + String.join("&", others);
        String policy = "{\"Statement\":[{\"Resource\":\"" + resource
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expiresAt + "}}}]}";
        if (!verifies(key, policy, signatureBytes) || clock.instant().getEpochSecond() >= expiresAt) {
            return Optional.of(ACCESS_DENIED);
        }
        return Optional.empty();
    }

    private static boolean verifies(PublicKey key, String policy, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA1withRSA");
            verifier.initVerify(key);
            verifier.update(policy.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static PublicKey publicKey(String id, String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("public key " + id + " of the template is not a PEM RSA public key: "
                    + e.getMessage(), e);
        }
    }
}
