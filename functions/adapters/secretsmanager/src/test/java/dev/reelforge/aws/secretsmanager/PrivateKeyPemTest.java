package dev.reelforge.aws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signing key is read from the PEM forms openssl writes. */
class PrivateKeyPemTest {

    private static final KeyPair KEYS = keyPair();

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAPkcs8Key() {
        assertThat(PrivateKeyPem.parse(pem("PRIVATE KEY", KEYS.getPrivate().getEncoded())))
                .isEqualTo(KEYS.getPrivate());
    }

    @Test
    void readsAPkcs1KeyAsOpenSsl1GenrsaWritesIt() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        // A 2048-bit key's PrivateKeyInfo: SEQUENCE, version, rsaEncryption, then the OCTET STRING holding PKCS#1.
        assertThat(pkcs8[22]).as("OCTET STRING tag").isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

        assertThat(PrivateKeyPem.parse("some text before\n" + pem("RSA PRIVATE KEY", pkcs1) + "and after\n"))
                .isEqualTo(KEYS.getPrivate());
    }

    @Test
    void refusesAPublicKey() {
        assertThatThrownBy(() -> PrivateKeyPem.parse(pem("PUBLIC KEY", KEYS.getPublic().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PEM RSA private key");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
