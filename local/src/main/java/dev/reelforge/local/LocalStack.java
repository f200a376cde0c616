package dev.reelforge.local;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.local.apigateway.ApiGatewayEmulator;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.local.template.TableDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole of Reelforge on one machine: the local AWS services, every function of template.yaml
 * initialized against them, the API Gateway emulator in front, and a seeded development account,
 * described in {@code DATA_DIR/local.json}.
 */
public final class LocalStack implements AutoCloseable {

    /** The table of template.yaml in which the development account is seeded. */
    static final String ACCOUNTS_TABLE = "AccountsTable";

    public record Options(Path template, Path dataDirectory, int apiPort, Consumer<String> accessLog) {}

    private final DataDirectoryLock lock;
    private final EmbeddedServices services;
    private final Map<String, LocalFunction> functions;
    private final ApiGatewayEmulator api;
    private final LocalDescriptor descriptor;
    private final SamTemplate template;

    private LocalStack(DataDirectoryLock lock, EmbeddedServices services, Map<String, LocalFunction> functions,
            ApiGatewayEmulator api, LocalDescriptor descriptor, SamTemplate template) {
        this.lock = lock;
        this.services = services;
        this.functions = functions;
        this.api = api;
        this.descriptor = descriptor;
        this.template = template;
    }

    public static LocalStack start(Options options) {
        DataDirectoryLock lock = DataDirectoryLock.tryAcquire(options.dataDirectory())
                .orElseThrow(() -> new IllegalStateException("another embedded stack is running on "
                        + options.dataDirectory().toAbsolutePath() + "; stop it or pass another --data-dir"));
        SamTemplate template = SamTemplate.load(options.template());
        EmbeddedServices services = null;
        ApiGatewayEmulator api = null;
        try {
            services = EmbeddedServices.start(options.dataDirectory(), template);
            Clock clock = Clock.systemUTC();
            Map<String, LocalFunction> functions = initialize(template, services.endpoints());
            CreatedAccount account = DevelopmentAccount.ensure(
                    new DynamoDbAccounts(services.dynamoDb(), tableName(template, ACCOUNTS_TABLE)),
                    LocalDescriptor.read(options.dataDirectory()), clock);
            api = ApiGatewayEmulator.start(template.apis(), functions, StackIdentity.LOCAL, options.apiPort(), clock,
                    options.accessLog());
            Map<Environment, String> keys = new EnumMap<>(Environment.class);
            account.apiKeys().forEach((environment, key) -> keys.put(environment, key.value()));
            LocalDescriptor descriptor = new LocalDescriptor(api.endpoint(), account.owner(), keys,
                    services.endpoints().byName());
            descriptor.write(options.dataDirectory());
            return new LocalStack(lock, services, functions, api, descriptor, template);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (services != null) {
                services.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Initializes every function of the template, as warm execution environments. */
    static Map<String, LocalFunction> initialize(SamTemplate template, ServiceEndpoints endpoints) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (FunctionDefinition definition : template.functions()) {
            functions.put(definition.logicalId(), LocalFunction.initialize(definition,
                    FunctionEnvironment.of(definition, endpoints, StackIdentity.LOCAL),
                    FunctionEnvironment.arnOf(definition, StackIdentity.LOCAL)));
        }
        return functions;
    }

    static String tableName(SamTemplate template, String logicalId) {
        return template.tables().stream()
                .filter(table -> table.logicalId().equals(logicalId))
                .map(TableDefinition::tableName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no table " + logicalId));
    }

    public LocalDescriptor descriptor() {
        return descriptor;
    }

    public URI apiUrl() {
        return api.endpoint();
    }

    public EmbeddedServices services() {
        return services;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        return function;
    }

    public String tableName(String logicalId) {
        return tableName(template, logicalId);
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            try {
                services.close();
            } finally {
                lock.close();
            }
        }
    }
}
