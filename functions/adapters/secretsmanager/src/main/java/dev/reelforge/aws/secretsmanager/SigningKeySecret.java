package dev.reelforge.aws.secretsmanager;


import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.MissingConfigurationException;
import dev.reelforge.runtime.SdkClients;
import java.security.PrivateKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The private key temporary URLs are signed with, kept as a PEM string in Secrets Manager. Functions read it
 * once, at init: a key that cannot be read fails the init rather than a request.
 */
public final class SigningKeySecret {

    private SigningKeySecret() {}

    /** The secret template.yaml names in {@code TEMPORARY_URL_SIGNING_KEY_SECRET}, read with a client used once. */
    public static PrivateKey read(FunctionEnvironment environment) {
        String secretId = environment.required("TEMPORARY_URL_SIGNING_KEY_SECRET");
        try (SecretsManagerClient secretsManager =
                SdkClients.configure(SecretsManagerClient.builder(), environment, "SECRETS_MANAGER").build()) {
            return read(secretsManager, secretId);
        }
    }

    /** @param secretId the secret's name or ARN */
    public static PrivateKey read(SecretsManagerClient secretsManager, String secretId) {
        String pem = secretsManager.getSecretValue(get -> get.secretId(secretId)).secretString();
        if (pem == null) {
            throw new MissingConfigurationException("secret " + secretId + " holds no string (a PEM private key)");
        }
        try {
            return PrivateKeyPem.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new MissingConfigurationException("secret " + secretId + " is " + e.getMessage());
        }
    }
}
