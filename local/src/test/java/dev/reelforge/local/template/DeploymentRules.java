package dev.reelforge.local.template;

import static dev.reelforge.local.template.TemplateCheck.isIntrinsic;
import static dev.reelforge.local.template.TemplateCheck.mapOrEmpty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AWS refuses at deployment that the resource specification cannot express: limits and combinations of
 * properties, mostly Lambda's. Each rule cites the page that states it; values given by intrinsic functions are not
 * known here and pass. SAM functions are judged with their Globals merged in, as SAM deploys them.
 */
final class DeploymentRules {

    private static final String LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/";
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options",
            "any");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(([^)]*)\\)");

    private final Map<String, Object> resources;
    private final Map<String, Map<String, Object>> samProperties;
    private final List<String> problems = new ArrayList<>();

    private DeploymentRules(Map<String, Object> resources, Map<String, Map<String, Object>> samProperties) {
        this.resources = resources;
        this.samProperties = samProperties;
    }

    static List<String> problems(Map<String, Object> resources, Map<String, Map<String, Object>> samProperties) {
        DeploymentRules rules = new DeploymentRules(resources, samProperties);
        resources.forEach((id, resource) -> {
            String path = "Resources." + id + ".Properties";
            switch (String.valueOf(mapOrEmpty(resource).get("Type"))) {
                case "AWS::Serverless::Function" -> rules.function(samProperties.get(id), path);
                case "AWS::Serverless::Api" -> rules.api(samProperties.get(id), path);
                case "AWS::Serverless::LayerVersion" -> rules.layer(samProperties.get(id), path);
                case "AWS::DynamoDB::Table" -> rules.table(properties(resource), path);
                case "AWS::SQS::Queue" -> rules.queue(properties(resource), path);
                default -> { }
            }
        });
        return rules.problems;
    }

    // ------------------------------------------------------------------------------------------------ Lambda

    private void function(Map<String, Object> p, String path) {
        String packageType = text(p.get("PackageType")).orElse("Zip");
        if (packageType.equals("Zip")) {
            // lambda/latest/api/API_CreateFunction.html: Handler and Runtime are required for a .zip package
            for (String property : List.of("Handler", "Runtime")) {
                if (!p.containsKey(property)) {
                    problems.add(path + ": a .zip function requires " + property + " (Lambda's CreateFunction)");
                }
            }
            if (!p.containsKey("CodeUri") && !p.containsKey("InlineCode")) {
                problems.add(path + ": a .zip function requires CodeUri or InlineCode (SAM)");
            }
        }
        // lambda/latest/api/API_CreateFunction.html: a description of at most 256 characters
        text(p.get("Description")).filter(description -> description.length() > 256).ifPresent(description ->
                problems.add(path + ".Description: Lambda takes at most 256 characters, found " + description.length()));
        // lambda/latest/dg/configuration-memory.html, configuration-timeout.html, configuration-ephemeral-storage.html
        range(p, "MemorySize", 128, 10_240, path, "Lambda's memory setting");
        range(p, "Timeout", 1, 900, path, "Lambda's timeout");
        Map<String, Object> ephemeral = mapOrEmpty(p.get("EphemeralStorage"));
        range(ephemeral, "Size", 512, 10_240, path + ".EphemeralStorage", "Lambda's ephemeral storage");
        // lambda/latest/dg/configuration-concurrency.html
        number(p.get("ReservedConcurrentExecutions")).ifPresent(reserved -> {
            if (reserved < 0) {
                problems.add(path + ".ReservedConcurrentExecutions: must be 0 or more");
            }
        });
        // lambda/latest/dg/gettingstarted-limits.html: five layers per function
        if (p.get("Layers") instanceof List<?> layers && layers.size() > 5) {
            problems.add(path + ".Layers: Lambda takes at most 5 layers, found " + layers.size());
        }
        // lambda/latest/dg/foundation-arch.html: one architecture, x86_64 or arm64
        if (p.get("Architectures") instanceof List<?> architectures) {
            if (architectures.size() != 1) {
                problems.add(path + ".Architectures: Lambda takes exactly one architecture");
            }
            architectures.stream().filter(architecture -> !isIntrinsic(architecture))
                    .filter(architecture -> !Set.of("x86_64", "arm64").contains(String.valueOf(architecture)))
                    .forEach(architecture -> problems.add(path + ".Architectures: " + architecture
                            + " is not x86_64 or arm64"));
        }
        snapStart(p, path);
        logging(mapOrEmpty(p.get("LoggingConfig")), path + ".LoggingConfig");
        Map<String, Object> invokeConfig = mapOrEmpty(p.get("EventInvokeConfig"));
        // lambda/latest/api/API_PutFunctionEventInvokeConfig.html
        range(invokeConfig, "MaximumRetryAttempts", 0, 2, path + ".EventInvokeConfig", "asynchronous invocation");
        range(invokeConfig, "MaximumEventAgeInSeconds", 60, 21_600, path + ".EventInvokeConfig",
                "asynchronous invocation");
        mapOrEmpty(p.get("Events")).forEach((name, event) -> event(p, mapOrEmpty(event), path + ".Events." + name));
    }

    /**
     * lambda/latest/dg/snapstart.html, "Supported features and limitations": SnapStart runs on Java 11 and later,
     * Python 3.12 and later and .NET 8 and later managed runtimes (not on OS-only runtimes or container images), and
     * supports neither provisioned concurrency, nor Amazon EFS, nor ephemeral storage greater than 512 MB. (It is
     * available on both x86_64 and arm64.)
     */
    private void snapStart(Map<String, Object> p, String path) {
        if (!text(mapOrEmpty(p.get("SnapStart")).get("ApplyOn")).orElse("None").equals("PublishedVersions")) {
            return;
        }
        String where = path + ".SnapStart: ";
        String why = " (" + LAMBDA + "snapstart.html)";
        number(mapOrEmpty(p.get("EphemeralStorage")).get("Size")).ifPresent(size -> {
            if (size > 512) {
                problems.add(where + "Lambda refuses SnapStart with more than 512 MB of ephemeral storage, and"
                        + " EphemeralStorage.Size is " + size + why);
            }
        });
        text(p.get("Runtime")).ifPresent(runtime -> {
            if (!snapStartRuntime(runtime)) {
                problems.add(where + "Lambda offers SnapStart only on Java 11+, Python 3.12+ and .NET 8+ managed"
                        + " runtimes, not " + runtime + why);
            }
        });
        if (text(p.get("PackageType")).orElse("Zip").equals("Image")) {
            problems.add(where + "Lambda offers no SnapStart for container images" + why);
        }
        if (p.containsKey("ProvisionedConcurrencyConfig")) {
            problems.add(where + "Lambda refuses SnapStart with provisioned concurrency" + why);
        }
        if (p.get("FileSystemConfigs") instanceof List<?> fileSystems && !fileSystems.isEmpty()) {
            problems.add(where + "Lambda refuses SnapStart with Amazon EFS" + why);
        }
    }

    static boolean snapStartRuntime(String runtime) {
        Matcher java = Pattern.compile("java(\\d+)").matcher(runtime);
        if (java.matches()) {
            return Integer.parseInt(java.group(1)) >= 11;
        }
        Matcher python = Pattern.compile("python3\\.(\\d+)").matcher(runtime);
        if (python.matches()) {
            return Integer.parseInt(python.group(1)) >= 12;
        }
        Matcher dotnet = Pattern.compile("dotnet(\\d+)").matcher(runtime);
        return dotnet.matches() && Integer.parseInt(dotnet.group(1)) >= 8;
    }

    /** lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html: log levels filter JSON logs only. */
    private void logging(Map<String, Object> logging, String path) {
        boolean levels = logging.containsKey("ApplicationLogLevel") || logging.containsKey("SystemLogLevel");
        Object format = logging.get("LogFormat");
        if (levels && !isIntrinsic(format) && !"JSON".equals(format)) {
            problems.add(path + ": ApplicationLogLevel and SystemLogLevel need LogFormat: JSON ("
                    + LAMBDA + "monitoring-cloudwatchlogs-log-level.html)");
        }
    }

    private void event(Map<String, Object> function, Map<String, Object> event, String path) {
        Map<String, Object> p = mapOrEmpty(event.get("Properties"));
        String where = path + ".Properties";
        switch (String.valueOf(event.get("Type"))) {
            case "Api" -> apiEvent(p, where);
            case "DynamoDB", "Kinesis" -> streamEvent(p, where, String.valueOf(event.get("Type")));
            case "SQS" -> sqsEvent(function, p, where);
            case "Schedule" -> text(p.get("Schedule")).ifPresent(schedule -> schedule(schedule, where + ".Schedule"));
            case "S3" -> {
                // sam-property-function-s3.html: the bucket must be declared in the same template
                String bucket = refTarget(p.get("Bucket")).orElse(null);
                if (bucket == null || !"AWS::S3::Bucket".equals(typeOf(bucket))) {
                    problems.add(where + ".Bucket: SAM's S3 event needs !Ref to an AWS::S3::Bucket of this template");
                }
            }
            default -> { }
        }
    }

    private void apiEvent(Map<String, Object> p, String path) {
        text(p.get("Method")).ifPresent(method -> {
            if (!HTTP_METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                problems.add(path + ".Method: " + method + " is not an HTTP method API Gateway routes " + HTTP_METHODS);
            }
        });
        text(p.get("Path")).ifPresent(route -> {
            if (!route.startsWith("/")) {
                problems.add(path + ".Path: must start with /");
            }
        });
        if (p.containsKey("RestApiId")) {
            // sam-property-function-api.html: RestApiId must reference an AWS::Serverless::Api of this template
            Optional<String> api = refTarget(p.get("RestApiId"));
            if (api.isEmpty() || !"AWS::Serverless::Api".equals(typeOf(api.get()))) {
                problems.add(path + ".RestApiId: must be !Ref to an AWS::Serverless::Api of this template");
            } else {
                text(mapOrEmpty(p.get("Auth")).get("Authorizer")).ifPresent(authorizer ->
                        authorizerDefined(api.get(), authorizer, path + ".Auth.Authorizer"));
            }
        }
    }

    /** lambda/latest/api/API_CreateEventSourceMapping.html */
    private void streamEvent(Map<String, Object> p, String path, String type) {
        range(p, "BatchSize", 1, 10_000, path, "a stream event source");
        range(p, "ParallelizationFactor", 1, 10, path, "a stream event source");
        range(p, "MaximumRetryAttempts", -1, 10_000, path, "a stream event source");
        range(p, "MaximumBatchingWindowInSeconds", 0, 300, path, "an event source");
        range(p, "TumblingWindowInSeconds", 0, 900, path, "a stream event source");
        number(p.get("MaximumRecordAgeInSeconds")).ifPresent(age -> {
            if (age != -1 && (age < 60 || age > 604_800)) {
                problems.add(path + ".MaximumRecordAgeInSeconds: must be -1 or within 60..604800, found " + age);
            }
        });
        Set<String> positions = type.equals("Kinesis") ? Set.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP")
                : Set.of("TRIM_HORIZON", "LATEST");
        text(p.get("StartingPosition")).ifPresent(position -> {
            if (!positions.contains(position)) {
                problems.add(path + ".StartingPosition: " + position + " is not one of " + positions);
            }
        });
        responseTypes(p, path);
        filterPatterns(p, path);
        if (type.equals("DynamoDB")) {
            // a table without StreamSpecification has no stream: Fn::GetAtt StreamArn fails at deployment
            getAttTarget(p.get("Stream"), "StreamArn").ifPresent(table -> {
                Map<String, Object> tableProperties = properties(resources.get(table));
                if ("AWS::DynamoDB::Table".equals(typeOf(table)) && !tableProperties.containsKey("StreamSpecification")) {
                    problems.add(path + ".Stream: " + table + " has no StreamSpecification, so no stream to read");
                }
            });
        }
    }

    /** lambda/latest/dg/services-sqs-configure.html and with-sqs.html */
    private void sqsEvent(Map<String, Object> function, Map<String, Object> p, String path) {
        range(p, "BatchSize", 1, 10_000, path, "an SQS event source");
        range(p, "MaximumBatchingWindowInSeconds", 0, 300, path, "an event source");
        number(p.get("BatchSize")).ifPresent(batch -> {
            if (batch > 10 && number(p.get("MaximumBatchingWindowInSeconds")).orElse(0) < 1) {
                problems.add(path + ".BatchSize: more than 10 messages need MaximumBatchingWindowInSeconds of 1 or more");
            }
        });
        responseTypes(p, path);
        filterPatterns(p, path);
        // Lambda refuses a mapping whose queue's visibility timeout is shorter than the function's timeout
        getAttTarget(p.get("Queue"), "Arn").filter(queue -> "AWS::SQS::Queue".equals(typeOf(queue))).ifPresent(queue -> {
            Object visibility = properties(resources.get(queue)).getOrDefault("VisibilityTimeout", 30);
            OptionalLong queueTimeout = number(visibility);
            OptionalLong functionTimeout = number(function.getOrDefault("Timeout", 3));
            if (queueTimeout.isPresent() && functionTimeout.isPresent()
                    && queueTimeout.getAsLong() < functionTimeout.getAsLong()) {
                problems.add(path + ".Queue: " + queue + "'s VisibilityTimeout (" + queueTimeout.getAsLong()
                        + " s) is shorter than the function's Timeout (" + functionTimeout.getAsLong()
                        + " s), which Lambda refuses (" + LAMBDA + "services-sqs-configure.html)");
            }
        });
    }

    private void responseTypes(Map<String, Object> p, String path) {
        if (p.get("FunctionResponseTypes") instanceof List<?> types) {
            types.stream().filter(type -> !isIntrinsic(type) && !"ReportBatchItemFailures".equals(type))
                    .forEach(type -> problems.add(path + ".FunctionResponseTypes: " + type
                            + " is not ReportBatchItemFailures"));
        }
    }

    /** lambda/latest/dg/invocation-eventfiltering.html: each filter's Pattern is a JSON object, five filters at most. */
    private void filterPatterns(Map<String, Object> p, String path) {
        if (!(mapOrEmpty(p.get("FilterCriteria")).get("Filters") instanceof List<?> filters)) {
            return;
        }
        if (filters.size() > 5) {
            problems.add(path + ".FilterCriteria.Filters: Lambda takes 5 filters per event source, found " + filters.size());
        }
        for (int i = 0; i < filters.size(); i++) {
            Object pattern = mapOrEmpty(filters.get(i)).get("Pattern");
            if (pattern instanceof String json) {
                try {
                    if (!new ObjectMapper().readTree(json).isObject()) {
                        problems.add(path + ".FilterCriteria.Filters[" + i + "].Pattern: not a JSON object");
                    }
                } catch (JsonProcessingException e) {
                    problems.add(path + ".FilterCriteria.Filters[" + i + "].Pattern: not valid JSON");
                }
            }
        }
    }

    /**
     * eventbridge/latest/userguide/eb-scheduled-rule-pattern.html: rate(value unit), the unit singular for 1 and plural
     * otherwise; cron() with six fields.
     */
    private void schedule(String schedule, String path) {
        Matcher rate = RATE.matcher(schedule);
        Matcher cron = CRON.matcher(schedule);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            boolean plural = rate.group(2).endsWith("s");
            if (value < 1 || plural != (value > 1)) {
                problems.add(path + ": " + schedule + " is refused by EventBridge (the unit is singular for 1, plural"
                        + " otherwise, and the value at least 1)");
            }
        } else if (!cron.matches() || cron.group(1).trim().split("\\s+").length != 6) {
            problems.add(path + ": " + schedule + " is neither rate(value unit) nor cron() with six fields");
        }
    }

    // ------------------------------------------------------------------------------------------------ API Gateway

    private void api(Map<String, Object> p, String path) {
        Map<String, Object> auth = mapOrEmpty(p.get("Auth"));
        Map<String, Object> authorizers = mapOrEmpty(auth.get("Authorizers"));
        text(auth.get("DefaultAuthorizer")).ifPresent(authorizer -> {
            // SAM: "Unable to set DefaultAuthorizer because '...' was not defined in 'Authorizers'"
            if (!authorizer.equals("AWS_IAM") && !authorizers.containsKey(authorizer)) {
                problems.add(path + ".Auth.DefaultAuthorizer: " + authorizer + " is not one of Auth.Authorizers "
                        + authorizers.keySet());
            }
        });
        authorizers.forEach((name, authorizer) -> {
            String where = path + ".Auth.Authorizers." + name;
            Map<String, Object> identity = mapOrEmpty(mapOrEmpty(authorizer).get("Identity"));
            // apigateway/latest/api/API_CreateAuthorizer.html: authorizerResultTtlInSeconds at most 3600
            range(identity, "ReauthorizeEvery", 0, 3600, where + ".Identity", "API Gateway's authorizer cache");
            text(mapOrEmpty(authorizer).get("FunctionPayloadType")).ifPresent(payload -> {
                if (!Set.of("TOKEN", "REQUEST").contains(payload)) {
                    problems.add(where + ".FunctionPayloadType: " + payload + " is not TOKEN or REQUEST");
                }
            });
        });
        text(mapOrEmpty(p.get("EndpointConfiguration")).get("Type")).or(() -> text(p.get("EndpointConfiguration")))
                .ifPresent(type -> {
                    if (!Set.of("REGIONAL", "EDGE", "PRIVATE").contains(type)) {
                        problems.add(path + ".EndpointConfiguration: " + type + " is not REGIONAL, EDGE or PRIVATE");
                    }
                });
        mapOrEmpty(p.get("GatewayResponses")).forEach((type, response) ->
                text(mapOrEmpty(response).get("StatusCode")).ifPresent(status -> {
                    // apigateway/latest/api/API_PutGatewayResponse.html: statusCode matches [1-5]\d\d
                    if (!status.matches("[1-5]\\d\\d")) {
                        problems.add(path + ".GatewayResponses." + type + ".StatusCode: " + status
                                + " is not an HTTP status code");
                    }
                }));
    }

    private void authorizerDefined(String api, String authorizer, String path) {
        Map<String, Object> authorizers = mapOrEmpty(mapOrEmpty(samProperties.get(api).get("Auth")).get("Authorizers"));
        if (!Set.of("NONE", "AWS_IAM").contains(authorizer) && !authorizers.containsKey(authorizer)) {
            problems.add(path + ": " + authorizer + " is not one of " + api + "'s Auth.Authorizers " + authorizers.keySet());
        }
    }

    private void layer(Map<String, Object> p, String path) {
        // lambda/latest/api/API_PublishLayerVersion.html: up to 2 architectures, up to 15 runtimes
        if (p.get("CompatibleArchitectures") instanceof List<?> architectures) {
            architectures.stream().filter(architecture -> !isIntrinsic(architecture))
                    .filter(architecture -> !Set.of("x86_64", "arm64").contains(String.valueOf(architecture)))
                    .forEach(architecture -> problems.add(path + ".CompatibleArchitectures: " + architecture
                            + " is not x86_64 or arm64"));
        }
        if (p.get("CompatibleRuntimes") instanceof List<?> runtimes && runtimes.size() > 15) {
            problems.add(path + ".CompatibleRuntimes: Lambda takes at most 15 runtimes");
        }
    }

    // ------------------------------------------------------------------------------------------------ DynamoDB, SQS

    /**
     * amazondynamodb/latest/APIReference/API_CreateTable.html: every attribute definition is a key of the table or an
     * index, every key attribute is defined, a local index shares the table's partition key, and on-demand tables
     * take no provisioned throughput.
     */
    private void table(Map<String, Object> p, String path) {
        Set<String> defined = new HashSet<>();
        if (p.get("AttributeDefinitions") instanceof List<?> definitions) {
            definitions.forEach(definition -> text(mapOrEmpty(definition).get("AttributeName")).ifPresent(defined::add));
        }
        Set<String> used = new HashSet<>();
        String tableHash = keys(p.get("KeySchema"), path + ".KeySchema", defined, used);
        for (String indexes : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            if (!(p.get(indexes) instanceof List<?> list)) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> index = mapOrEmpty(list.get(i));
                String where = path + "." + indexes + "[" + i + "]";
                String hash = keys(index.get("KeySchema"), where + ".KeySchema", defined, used);
                if (indexes.startsWith("Local") && tableHash != null && hash != null && !hash.equals(tableHash)) {
                    problems.add(where + ": a local index's partition key must be the table's (" + tableHash + ")");
                }
                if ("PAY_PER_REQUEST".equals(p.get("BillingMode")) && index.containsKey("ProvisionedThroughput")) {
                    problems.add(where + ".ProvisionedThroughput: an on-demand (PAY_PER_REQUEST) table takes none");
                }
            }
        }
        defined.stream().filter(attribute -> !used.contains(attribute)).sorted()
                .forEach(attribute -> problems.add(path + ".AttributeDefinitions: " + attribute
                        + " is no key of the table or an index, which DynamoDB refuses"));
        if ("PAY_PER_REQUEST".equals(p.get("BillingMode")) && p.containsKey("ProvisionedThroughput")) {
            problems.add(path + ".ProvisionedThroughput: an on-demand (PAY_PER_REQUEST) table takes none");
        }
    }

    /** Checks one key schema; answers its partition (HASH) key. */
    private String keys(Object schema, String path, Set<String> defined, Set<String> used) {
        if (!(schema instanceof List<?> keys)) {
            return null;
        }
        String hash = null;
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> key = mapOrEmpty(keys.get(i));
            Optional<String> name = text(key.get("AttributeName"));
            name.ifPresent(used::add);
            name.filter(attribute -> !defined.contains(attribute)).ifPresent(attribute ->
                    problems.add(path + ": " + attribute + " is not in AttributeDefinitions"));
            String keyType = String.valueOf(key.get("KeyType"));
            if (i == 0 && !keyType.equals("HASH")) {
                problems.add(path + ": the first key must be the HASH key");
            }
            if (i == 1 && !keyType.equals("RANGE")) {
                problems.add(path + ": the second key must be the RANGE key");
            }
            if (i == 0) {
                hash = name.orElse(null);
            }
        }
        if (keys.isEmpty() || keys.size() > 2) {
            problems.add(path + ": a key schema has one HASH key and at most one RANGE key");
        }
        return hash;
    }

    /** AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html */
    private void queue(Map<String, Object> p, String path) {
        range(p, "VisibilityTimeout", 0, 43_200, path, "SQS");
        range(p, "MessageRetentionPeriod", 60, 1_209_600, path, "SQS");
        range(p, "DelaySeconds", 0, 900, path, "SQS");
        range(p, "ReceiveMessageWaitTimeSeconds", 0, 20, path, "SQS");
        range(mapOrEmpty(p.get("RedrivePolicy")), "maxReceiveCount", 1, 1000, path + ".RedrivePolicy", "SQS");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void range(Map<String, Object> p, String property, long min, long max, String path, String what) {
        number(p.get(property)).ifPresent(value -> {
            if (value < min || value > max) {
                problems.add(path + "." + property + ": " + what + " takes " + min + ".." + max + ", found " + value);
            }
        });
    }

    private String typeOf(String logicalId) {
        return String.valueOf(mapOrEmpty(resources.get(logicalId)).get("Type"));
    }

    private static Map<String, Object> properties(Object resource) {
        return mapOrEmpty(mapOrEmpty(resource).get("Properties"));
    }

    private static Optional<String> refTarget(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String target
                ? Optional.of(target) : Optional.empty();
    }

    private static Optional<String> getAttTarget(Object value, String attribute) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args
                && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String resource) {
            return Optional.of(resource);
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private static OptionalLong number(Object value) {
        return switch (value) {
            case Integer i -> OptionalLong.of(i);
            case Long l -> OptionalLong.of(l);
            case String s when s.matches("-?\\d{1,18}") -> OptionalLong.of(Long.parseLong(s));
            case null, default -> OptionalLong.empty();
        };
    }
}
