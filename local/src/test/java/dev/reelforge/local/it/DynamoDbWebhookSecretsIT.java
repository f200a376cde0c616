package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbWebhookSecrets;
import dev.reelforge.core.callback.RotateWebhookSecret;
import dev.reelforge.core.callback.RotateWebhookSecretCommand;
import dev.reelforge.core.callback.RotateWebhookSecretResult;
import dev.reelforge.core.callback.WebhookSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Owners' webhook secrets in the accounts table, on DynamoDB Local: made on first use, rotated with a grace day. */
class DynamoDbWebhookSecretsIT {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private static DynamoDbWebhookSecrets secrets;
    private static DynamoDbWebhookSecrets otherInstance;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        secrets = new DynamoDbWebhookSecrets(stack.services().dynamoDb(), stack.tableName("AccountsTable"),
                new SecureRandom());
        otherInstance = new DynamoDbWebhookSecrets(stack.services().dynamoDb(), stack.tableName("AccountsTable"),
                new SecureRandom());
    }

    private static String newOwner() {
        return "wh" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOwnerGetsOneSecretOnFirstUseThatEveryFunctionInstanceSees() {
        String owner = newOwner();

        List<WebhookSecret> first = secrets.active(owner, T0);

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().value()).startsWith("whsec_");
        assertThat(otherInstance.active(owner, T0.plusSeconds(60))).isEqualTo(first);
        assertThat(secrets.active(newOwner(), T0)).as("another owner's").doesNotContainAnyElementsOf(first);
    }

    @Test
    void aRotatedSecretKeepsSigningForADayBehindTheNewOne() {
        String owner = newOwner();
        WebhookSecret before = secrets.active(owner, T0).getFirst();

        RotateWebhookSecretResult rotated = new RotateWebhookSecret(secrets, Clock.fixed(T0, ZoneOffset.UTC),
                new SecureRandom()).rotate(new RotateWebhookSecretCommand(owner));

        assertThat(rotated.previousValidUntil()).isEqualTo(T0.plus(RotateWebhookSecret.GRACE));
        assertThat(secrets.active(owner, T0.plusSeconds(3600))).containsExactly(rotated.current(), before);
        assertThat(secrets.active(owner, rotated.previousValidUntil())).containsExactly(rotated.current());
    }

    @Test
    void rotatingTwiceWithinADayDropsTheOldest() {
        String owner = newOwner();
        WebhookSecret oldest = secrets.active(owner, T0).getFirst();
        RotateWebhookSecret rotate = new RotateWebhookSecret(secrets, Clock.fixed(T0, ZoneOffset.UTC),
                new SecureRandom());

        WebhookSecret middle = rotate.rotate(new RotateWebhookSecretCommand(owner)).current();
        WebhookSecret newest = rotate.rotate(new RotateWebhookSecretCommand(owner)).current();

        assertThat(secrets.active(owner, T0.plusSeconds(1))).containsExactly(newest, middle).doesNotContain(oldest);
    }
}
