package dev.reelforge.local;

import dev.reelforge.aws.secretsmanager.PrivateKeyPem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The embedded stack's key pair for signing temporary URLs, made once per data directory
 * ({@code DATA_DIR/keys/temporary-url-signing-key.pem}, RSA 2048, PKCS#8) and kept across restarts, so URLs signed
 * before a restart still verify. It plays the part of the one-time set-up of a deployment: the private key is the
 * local Secrets Manager's secret, the public key goes to template.yaml as its parameter.
 */
public record LocalSigningKey(String privateKeyPem, String publicKeyPem) {

    /** The local secret holding the private key. */
    public static final String SECRET_NAME = "reelforge-local/temporary-url-signing-key";
    static final String PUBLIC_KEY_PARAMETER = "TemporaryUrlPublicKey";
    static final String SECRET_PARAMETER = "TemporaryUrlSigningKeySecret";

    /** Reads the data directory's key pair, making it first if there is none. */
    public static LocalSigningKey ensure(Path dataDirectory) {
        Path file = dataDirectory.resolve("keys").resolve("temporary-url-signing-key.pem");
        try {
            if (!Files.isRegularFile(file)) {
                write(file, generate());
            }
            String privateKeyPem = Files.readString(file, StandardCharsets.US_ASCII);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) PrivateKeyPem.parse(privateKeyPem);
            byte[] publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())).getEncoded();
            return new LocalSigningKey(privateKeyPem, pem("PUBLIC KEY", publicKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key at " + file, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " is not an RSA private key; delete it to make a new one", e);
        }
    }

    /**
     * The template parameters of a deployment's key set-up: the public key as its PEM body's lines joined with
     * commas, and the secret's name.
     */
    public Map<String, String> parameterOverrides() {
        String body = publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").strip();
        return Map.of(PUBLIC_KEY_PARAMETER, String.join(",", body.split("\\s+")), SECRET_PARAMETER, SECRET_NAME);
    }

    private static String generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String pem) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, pem, StandardCharsets.US_ASCII);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
