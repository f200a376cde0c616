package dev.reelforge.local.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.local.LocalCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The local Secrets Manager answers the unmodified SDK client as Secrets Manager does. */
class SecretsManagerEmulatorTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    private final SecretsManagerEmulator emulator = SecretsManagerEmulator.start("000000000000", "us-east-1",
            Clock.fixed(CREATED, ZoneOffset.UTC));
    private final SecretsManagerClient client = SecretsManagerClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(LocalCredentials.provider())
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aSecretIsReadByItsNameItsArnOrItsArnWithoutTheSuffix() {
        String arn = emulator.put("app/signing-key", "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n");

        GetSecretValueResponse byName = client.getSecretValue(get -> get.secretId("app/signing-key"));

        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app/signing-key-[A-Za-z0-9]{6}");
        assertThat(byName.secretString()).isEqualTo("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n");
        assertThat(byName.arn()).isEqualTo(arn);
        assertThat(byName.name()).isEqualTo("app/signing-key");
        assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
        assertThat(byName.createdDate()).isEqualTo(CREATED);
        assertThat(client.getSecretValue(get -> get.secretId(arn)).secretString()).isEqualTo(byName.secretString());
        assertThat(client.getSecretValue(get -> get.secretId(arn.substring(0, arn.length() - 7))).secretString())
                .isEqualTo(byName.secretString());
    }

    @Test
    void anUnknownSecretIsResourceNotFound() {
        assertThatThrownBy(() -> client.getSecretValue(get -> get.secretId("nobody/has-this")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
    }

    @Test
    void aCreatedSecretCanBeReadAndNotCreatedTwice() {
        client.createSecret(create -> create.name("made-by-the-sdk").secretString("value"));

        assertThat(client.getSecretValue(get -> get.secretId("made-by-the-sdk")).secretString()).isEqualTo("value");
        assertThatThrownBy(() -> client.createSecret(create -> create.name("made-by-the-sdk").secretString("again")))
                .isInstanceOf(ResourceExistsException.class);
    }
}
