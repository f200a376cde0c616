package dev.reelforge.aws.secretsmanager;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RSA private key in PEM, as {@code openssl} writes it: PKCS#8 ({@code BEGIN PRIVATE KEY}, what
 * {@code openssl genpkey} and OpenSSL 3's {@code genrsa} write) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what
 * OpenSSL 1's {@code genrsa}, the command of CloudFront's guide, writes).
 */
public final class PrivateKeyPem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");
    /** PKCS#8's AlgorithmIdentifier for rsaEncryption (OID 1.2.840.113549.1.1.1, NULL parameters). */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PrivateKeyPem() {}

    /** @throws IllegalArgumentException when {@code pem} holds no RSA private key */
    public static PrivateKey parse(String pem) {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("not a PEM RSA private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
        byte[] pkcs8 = block.group(1) == null ? der : pkcs8Of(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a readable RSA private key: " + e.getMessage(), e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, the only form Java's KeyFactory reads. */
    private static byte[] pkcs8Of(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04); // OCTET STRING
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30); // SEQUENCE
        info.writeBytes(length(body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    /** A DER length: short form below 128, otherwise the count of length bytes then the length, big-endian. */
    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] encoded = new byte[bytes + 1];
        encoded[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            encoded[bytes - i] = (byte) (length >>> (8 * i));
        }
        return encoded;
    }
}
