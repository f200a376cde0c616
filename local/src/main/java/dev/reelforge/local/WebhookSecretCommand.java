package dev.reelforge.local;

import dev.reelforge.aws.dynamodb.DynamoDbWebhookSecrets;
import dev.reelforge.core.callback.RotateWebhookSecret;
import dev.reelforge.core.callback.RotateWebhookSecretCommand;
import dev.reelforge.core.callback.RotateWebhookSecretResult;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.template.SamTemplate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code reelforge webhook-secret [show | rotate] [--data-dir DIR]}: the development account's webhook secrets on
 * the running stack. {@code rotate} makes a new secret current (written to local.json as {@code webhookSecret}) and
 * keeps signing callbacks with the old one too for a day, by the stack's clock, so a receiver can switch over.
 */
final class WebhookSecretCommand {

    private static final String USAGE = "usage: reelforge webhook-secret [show | rotate] [--data-dir DIR]";

    private WebhookSecretCommand() {}

    static int run(CommandLine options) {
        return run(options, System.out, System.err);
    }

    static int run(CommandLine options, PrintStream out, PrintStream err) {
        String action = options.positional().isEmpty() ? "show" : options.positional().getFirst();
        if (!List.of("show", "rotate").contains(action) || options.positional().size() > 1) {
            err.println(USAGE);
            return 2;
        }
        Path dataDirectory = options.dataDirectory();
        Optional<DataDirectoryLock> free = DataDirectoryLock.tryAcquire(dataDirectory);
        if (free.isPresent()) {
            free.get().close();
            err.println("no stack is running on " + dataDirectory + "; start one with ./reelforge local");
            return 2;
        }
        LocalDescriptor descriptor = LocalDescriptor.read(dataDirectory).orElseThrow(() ->
                new IllegalStateException("a stack holds " + dataDirectory + " but its local.json is unreadable"));
        SamTemplate template = LocalTemplate.load(options.template(), dataDirectory,
                LocalSigningKey.ensure(dataDirectory), Map.of());
        LocalClock clock = LocalClock.open(dataDirectory);
        LocalCredentials.installAsDefault();
        try (DynamoDbClient dynamoDb = LocalClients.dynamoDb(descriptor.services().get("dynamodb"))) {
            DynamoDbWebhookSecrets secrets = new DynamoDbWebhookSecrets(dynamoDb,
                    LocalStack.tableName(template, LocalStack.ACCOUNTS_TABLE), new SecureRandom());
            if (action.equals("rotate")) {
                RotateWebhookSecretResult rotated = new RotateWebhookSecret(secrets, clock, new SecureRandom())
                        .rotate(new RotateWebhookSecretCommand(descriptor.owner()));
                new LocalDescriptor(descriptor.apiUrl(), descriptor.owner(), descriptor.apiKeys(),
                        descriptor.ibmClients(), descriptor.picovicoApps(), rotated.current().value(),
                        descriptor.services()).write(dataDirectory);
                out.println("rotated: callbacks are signed with the new secret (now in local.json), and with the"
                        + " previous one too until " + rotated.previousValidUntil());
            }
            List<WebhookSecret> active = secrets.active(descriptor.owner(), clock.instant());
            out.println("current  " + active.getFirst().value());
            active.stream().skip(1).forEach(previous -> out.println("previous " + previous.value()));
            return 0;
        }
    }
}
