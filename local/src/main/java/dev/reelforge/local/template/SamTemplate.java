package dev.reelforge.local.template;

import static dev.reelforge.local.template.Intrinsics.mapOrEmpty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as the embedded stack sees it: the functions with their routes and environments, the
 * APIs with their authorizers and gateway responses, the tables, the buckets, the queues and the CloudFront distributions,
 * all with intrinsic functions resolved for the local stack.
 */
public final class SamTemplate {

    /** DynamoDB's actions that write items; with {@code dynamodb:*} any of them. */
    private static final Set<String> ITEM_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*");
    /** {@code ${X.Arn}} in a {@code !Sub}: the resource X. */
    private static final Pattern SUBSTITUTED_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");

    private final Map<String, Object> template;
    private final Map<String, String> parameterOverrides;
    private final StackIdentity stack;
    private final Map<String, Object> resources;
    private final Map<String, Object> functionGlobals;
    private final Map<String, String> distributionDomains;
    private final Optional<URI> queueEndpoint;
    private final Intrinsics intrinsics;

    private SamTemplate(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack,
            Map<String, String> distributionDomains, Optional<URI> queueEndpoint) {
        this.template = template;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.stack = stack;
        this.resources = mapOrEmpty(template.get("Resources"));
        this.functionGlobals = mapOrEmpty(mapOrEmpty(template.get("Globals")).get("Function"));
        this.distributionDomains = Map.copyOf(distributionDomains);
        this.queueEndpoint = queueEndpoint;
        this.intrinsics = new Intrinsics(template, parameterOverrides, stack, distributionDomains, queueEndpoint);
    }

    public static SamTemplate load(Path file, StackIdentity stack, Map<String, String> parameterOverrides) {
        return new SamTemplate(CloudFormationYaml.read(file), parameterOverrides, stack, Map.of(), Optional.empty());
    }

    /**
     * The same template with each distribution named in {@code domains} served at that domain name
     * ({@code 127.0.0.1:port}): what {@code !GetAtt X.DomainName} resolves to.
     */
    public SamTemplate withDistributionDomains(Map<String, String> domains) {
        return new SamTemplate(template, parameterOverrides, stack, domains, queueEndpoint);
    }

    /**
     * The same template with its queues served by the SQS endpoint {@code endpoint}: a queue's URL ({@code !Ref}) is
     * {@code endpoint/accountId/queueName}, as the local SQS service answers it. Without one, queue URLs are AWS's.
     */
    public SamTemplate withQueueEndpoint(URI endpoint) {
        return new SamTemplate(template, parameterOverrides, stack, distributionDomains, Optional.of(endpoint));
    }

    /** The SQS endpoint the queue URLs name, when {@link #withQueueEndpoint} gave one. */
    public Optional<URI> queueEndpoint() {
        return queueEndpoint;
    }

    /** The logical ids of the template's CloudFront distributions (nothing needs resolving for these). */
    public List<String> distributionLogicalIds() {
        return List.copyOf(ofType("AWS::CloudFront::Distribution").keySet());
    }

    public static SamTemplate load(Path file) {
        return load(file, StackIdentity.LOCAL, Map.of());
    }

    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        ofType("AWS::Serverless::Function").forEach((logicalId, properties) ->
                functions.add(function(logicalId, properties)));
        return functions;
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return functions().stream().filter(function -> function.logicalId().equals(logicalId)).findFirst();
    }

    public List<ApiDefinition> apis() {
        List<ApiDefinition> apis = new ArrayList<>();
        ofType("AWS::Serverless::Api").forEach((logicalId, properties) -> apis.add(api(logicalId, properties)));
        return apis;
    }

    public List<TableDefinition> tables() {
        List<TableDefinition> tables = new ArrayList<>();
        ofType("AWS::DynamoDB::Table").forEach((logicalId, properties) -> tables.add(new TableDefinition(
                logicalId, intrinsics.ref(logicalId), resolvedMap(properties))));
        return tables;
    }

    public List<BucketDefinition> buckets() {
        List<BucketDefinition> buckets = new ArrayList<>();
        ofType("AWS::S3::Bucket").forEach((logicalId, properties) -> buckets.add(new BucketDefinition(
                logicalId, intrinsics.ref(logicalId), resolvedMap(properties))));
        return buckets;
    }

    public List<QueueDefinition> queues() {
        List<QueueDefinition> queues = new ArrayList<>();
        ofType("AWS::SQS::Queue").forEach((logicalId, properties) -> queues.add(new QueueDefinition(logicalId,
                intrinsics.resolveString(Map.of("Fn::GetAtt", List.of(logicalId, "QueueName"))),
                intrinsics.ref(logicalId),
                intrinsics.resolveString(Map.of("Fn::GetAtt", List.of(logicalId, "Arn"))),
                resolvedMap(properties))));
        return queues;
    }

    /** The CloudFront distributions, each with one S3 origin and only its default cache behavior. */
    public List<DistributionDefinition> distributions() {
        List<DistributionDefinition> distributions = new ArrayList<>();
        ofType("AWS::CloudFront::Distribution").forEach((logicalId, properties) ->
                distributions.add(distribution(logicalId, properties)));
        return distributions;
    }

    private DistributionDefinition distribution(String logicalId, Map<String, Object> properties) {
        Map<String, Object> config = mapOrEmpty(properties.get("DistributionConfig"));
        if (!(config.get("Origins") instanceof List<?> origins) || origins.size() != 1) {
            throw new TemplateException(logicalId + ": the embedded stack serves distributions of exactly one origin");
        }
        if (config.containsKey("CacheBehaviors")) {
            throw new TemplateException(logicalId + ": the embedded stack serves the default cache behavior only");
        }
        Map<String, Object> origin = mapOrEmpty(origins.getFirst());
        String bucketLogicalId = logicalIdOf(origin.get("DomainName"));
        if (!"AWS::S3::Bucket".equals(mapOrEmpty(resources.get(bucketLogicalId)).get("Type"))) {
            throw new TemplateException(logicalId + ": the embedded stack serves S3 origins only (!GetAtt Bucket.RegionalDomainName)");
        }
        Map<String, Object> behavior = mapOrEmpty(config.get("DefaultCacheBehavior"));
        Map<String, String> trustedKeys = new LinkedHashMap<>();
        if (behavior.get("TrustedKeyGroups") instanceof List<?> keyGroups) {
            for (Object keyGroup : keyGroups) {
                Map<String, Object> group = mapOrEmpty(mapOrEmpty(mapOrEmpty(resources.get(logicalIdOf(keyGroup)))
                        .get("Properties")).get("KeyGroupConfig"));
                if (group.get("Items") instanceof List<?> keys) {
                    for (Object key : keys) {
                        String keyLogicalId = logicalIdOf(key);
                        Object encoded = mapOrEmpty(mapOrEmpty(mapOrEmpty(resources.get(keyLogicalId)).get("Properties"))
                                .get("PublicKeyConfig")).get("EncodedKey");
                        trustedKeys.put(intrinsics.ref(keyLogicalId), intrinsics.resolveString(encoded));
                    }
                }
            }
        }
        List<DistributionDefinition.ResponseHeader> headers = new ArrayList<>();
        if (behavior.get("ResponseHeadersPolicyId") != null) {
            Map<String, Object> policy = mapOrEmpty(mapOrEmpty(mapOrEmpty(resources.get(
                    logicalIdOf(behavior.get("ResponseHeadersPolicyId")))).get("Properties"))
                    .get("ResponseHeadersPolicyConfig"));
            if (mapOrEmpty(policy.get("CustomHeadersConfig")).get("Items") instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> header = mapOrEmpty(item);
                    headers.add(new DistributionDefinition.ResponseHeader(intrinsics.resolveString(header.get("Header")),
                            intrinsics.resolveString(header.get("Value")),
                            Boolean.parseBoolean(String.valueOf(header.get("Override")))));
                }
            }
        }
        String originPath = origin.get("OriginPath") == null ? "" : intrinsics.resolveString(origin.get("OriginPath"));
        return new DistributionDefinition(
                logicalId,
                intrinsics.ref(logicalId),
                intrinsics.resolveString(Map.of("Fn::GetAtt", List.of(logicalId, "DomainName"))),
                intrinsics.ref(bucketLogicalId),
                originPath.replaceAll("^/+|/+$", ""),
                trustedKeys,
                headers,
                config.get("DefaultRootObject") == null ? "" : intrinsics.resolveString(config.get("DefaultRootObject")));
    }

    private FunctionDefinition function(String logicalId, Map<String, Object> ownProperties) {
        Map<String, Object> properties = new LinkedHashMap<>(functionGlobals);
        properties.putAll(ownProperties);
        String handler = String.valueOf(properties.get("Handler"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(functionGlobals, ownProperties)) {
            mapOrEmpty(mapOrEmpty(source.get("Environment")).get("Variables")).forEach((name, value) ->
                    environment.put(name, intrinsics.resolveString(value)));
        }
        List<ApiEventDefinition> apiEvents = new ArrayList<>();
        List<StreamEventDefinition> streamEvents = new ArrayList<>();
        List<RuleEventDefinition> ruleEvents = new ArrayList<>();
        List<ScheduleEventDefinition> scheduleEvents = new ArrayList<>();
        List<BucketEventDefinition> bucketEvents = new ArrayList<>();
        List<QueueEventDefinition> queueEvents = new ArrayList<>();
        mapOrEmpty(properties.get("Events")).forEach((name, event) -> {
            Map<String, Object> eventMap = mapOrEmpty(event);
            Map<String, Object> source = mapOrEmpty(eventMap.get("Properties"));
            switch (String.valueOf(eventMap.get("Type"))) {
                case "Api" -> {
                    Object authorizer = mapOrEmpty(source.get("Auth")).get("Authorizer");
                    apiEvents.add(new ApiEventDefinition(
                            logicalIdOf(source.get("RestApiId")),
                            String.valueOf(source.get("Method")).toUpperCase(Locale.ROOT),
                            String.valueOf(source.get("Path")),
                            authorizer == null ? null : String.valueOf(authorizer)));
                }
                case "DynamoDB" -> {
                    List<Map<String, Object>> patterns = new ArrayList<>();
                    if (mapOrEmpty(source.get("FilterCriteria")).get("Filters") instanceof List<?> filters) {
                        for (Object filter : filters) {
                            patterns.add(CloudFormationYaml.readJsonObject(
                                    String.valueOf(mapOrEmpty(filter).get("Pattern"))));
                        }
                    }
                    // The table's pollers share one reader, which starts where their checkpoints say, else at the
                    // shard's start: a poller from LATEST would be given the records written before it started.
                    Object position = source.get("StartingPosition");
                    if (!"TRIM_HORIZON".equals(position)) {
                        throw new TemplateException(logicalId + "." + name + ".StartingPosition: the embedded stack"
                                + " reads DynamoDB streams from TRIM_HORIZON only, not " + position);
                    }
                    streamEvents.add(new StreamEventDefinition(name,
                            logicalIdOf(source.get("Stream")),
                            Integer.parseInt(String.valueOf(source.getOrDefault("BatchSize", 100))),
                            Integer.parseInt(String.valueOf(source.getOrDefault("MaximumRetryAttempts", 2))),
                            patterns));
                }
                case "EventBridgeRule" -> ruleEvents.add(new RuleEventDefinition(name, mapOrEmpty(source.get("Pattern"))));
                case "Schedule" -> scheduleEvents.add(ScheduleEventDefinition.parse(name,
                        String.valueOf(source.get("Schedule"))));
                case "S3" -> bucketEvents.add(BucketEventDefinition.parse(logicalId + "." + name, name,
                        bucketOf(logicalId + "." + name, source.get("Bucket")), source));
                case "SQS" -> queueEvents.add(queueEvent(logicalId + "." + name, source));
                default -> throw new TemplateException(logicalId + "." + name + ": the embedded stack does not deliver "
                        + eventMap.get("Type") + " events");
            }
        });
        return new FunctionDefinition(
                logicalId,
                intrinsics.functionName(logicalId),
                handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                intrinsics.resolveString(properties.get("CodeUri")),
                Duration.ofSeconds(Long.parseLong(String.valueOf(properties.getOrDefault("Timeout", 3)))),
                Integer.parseInt(String.valueOf(properties.getOrDefault("MemorySize", 128))),
                environment,
                apiEvents, streamEvents, ruleEvents, scheduleEvents, bucketEvents, queueEvents,
                writtenTables(properties.get("Policies")));
    }

    /**
     * The tables of this template that the function's policy statements allow item writes on: statements of
     * {@code Effect: Allow} whose actions include one of {@link #ITEM_WRITES} and whose resources name a table
     * ({@code !GetAtt X.Arn}, or {@code ${X.Arn}} in a {@code !Sub}).
     */
    private Set<String> writtenTables(Object policies) {
        Set<String> tables = new TreeSet<>();
        Set<String> declared = ofType("AWS::DynamoDB::Table").keySet();
        if (!(policies instanceof List<?> list)) {
            return tables;
        }
        for (Object policy : list) {
            if (!(mapOrEmpty(policy).get("Statement") instanceof List<?> statements)) {
                continue;
            }
            for (Object statement : statements) {
                Map<String, Object> allowed = mapOrEmpty(statement);
                if (!"Allow".equals(String.valueOf(allowed.get("Effect")))
                        || asList(allowed.get("Action")).stream().map(String::valueOf).noneMatch(ITEM_WRITES::contains)) {
                    continue;
                }
                for (Object resource : asList(allowed.get("Resource"))) {
                    Map<String, Object> intrinsic = mapOrEmpty(resource);
                    if (intrinsic.get("Fn::GetAtt") instanceof List<?> parts) {
                        tables.add(String.valueOf(parts.getFirst()));
                    } else if (intrinsic.get("Fn::Sub") != null) {
                        Object template = intrinsic.get("Fn::Sub") instanceof List<?> parts ? parts.getFirst()
                                : intrinsic.get("Fn::Sub");
                        Matcher arn = SUBSTITUTED_ARN.matcher(String.valueOf(template));
                        while (arn.find()) {
                            tables.add(arn.group(1));
                        }
                    }
                }
            }
        }
        tables.retainAll(declared);
        return tables;
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    /** SAM's SQS event, from a queue of the same template named with {@code !GetAtt X.Arn}. */
    private QueueEventDefinition queueEvent(String label, Map<String, Object> source) {
        Map<String, Object> queue = mapOrEmpty(source.get("Queue"));
        if (!(queue.get("Fn::GetAtt") instanceof List<?> parts) || parts.size() != 2
                || !"Arn".equals(String.valueOf(parts.get(1)))
                || !ofType("AWS::SQS::Queue").containsKey(String.valueOf(parts.getFirst()))) {
            throw new TemplateException(label + ": Queue must be a !GetAtt X.Arn of an AWS::SQS::Queue of this template, "
                    + "found " + source.get("Queue"));
        }
        boolean reportItemFailures = false;
        if (source.get("FunctionResponseTypes") instanceof List<?> types) {
            for (Object type : types) {
                if (!"ReportBatchItemFailures".equals(String.valueOf(type))) {
                    throw new TemplateException(label + ": unknown FunctionResponseTypes " + type);
                }
                reportItemFailures = true;
            }
        }
        return new QueueEventDefinition(label, String.valueOf(parts.getFirst()),
                Integer.parseInt(intrinsics.resolveString(source.getOrDefault("BatchSize",
                        QueueEventDefinition.DEFAULT_BATCH_SIZE))),
                Duration.ofSeconds(Long.parseLong(intrinsics.resolveString(
                        source.getOrDefault("MaximumBatchingWindowInSeconds", 0)))),
                reportItemFailures,
                Boolean.parseBoolean(intrinsics.resolveString(source.getOrDefault("Enabled", true))));
    }

    /** SAM takes an S3 event only from a bucket of the same template, named with {@code !Ref}. */
    private String bucketOf(String label, Object reference) {
        Object target = mapOrEmpty(reference).get("Ref");
        if (target == null || !ofType("AWS::S3::Bucket").containsKey(String.valueOf(target))) {
            throw new TemplateException(label + ": Bucket must be a !Ref to an AWS::S3::Bucket of this template, found "
                    + reference);
        }
        return String.valueOf(target);
    }

    private ApiDefinition api(String logicalId, Map<String, Object> properties) {
        Map<String, Object> auth = mapOrEmpty(properties.get("Auth"));
        Map<String, AuthorizerDefinition> authorizers = new LinkedHashMap<>();
        mapOrEmpty(auth.get("Authorizers")).forEach((name, definition) -> {
            Map<String, Object> authorizer = mapOrEmpty(definition);
            Map<String, Object> identity = mapOrEmpty(authorizer.get("Identity"));
            List<String> headers = new ArrayList<>();
            if (identity.get("Headers") instanceof List<?> list) {
                list.forEach(header -> headers.add(String.valueOf(header)));
            }
            authorizers.put(name, new AuthorizerDefinition(
                    name,
                    logicalIdOf(authorizer.get("FunctionArn")),
                    headers,
                    Duration.ofSeconds(Long.parseLong(String.valueOf(identity.getOrDefault("ReauthorizeEvery", 300))))));
        });
        Map<String, GatewayResponseDefinition> gatewayResponses = new LinkedHashMap<>();
        mapOrEmpty(properties.get("GatewayResponses")).forEach((type, definition) -> {
            Map<String, Object> response = mapOrEmpty(definition);
            Map<String, String> headers = new LinkedHashMap<>();
            mapOrEmpty(mapOrEmpty(response.get("ResponseParameters")).get("Headers")).forEach((name, value) ->
                    headers.put(name, unquote(intrinsics.resolveString(value))));
            Map<String, String> templates = new LinkedHashMap<>();
            mapOrEmpty(response.get("ResponseTemplates")).forEach((type2, body) -> templates.put(type2, String.valueOf(body)));
            Object status = response.get("StatusCode");
            gatewayResponses.put(type, new GatewayResponseDefinition(
                    Optional.ofNullable(status).map(value -> Integer.parseInt(String.valueOf(value))),
                    headers, templates));
        });
        List<String> binaryMediaTypes = new ArrayList<>();
        if (properties.get("BinaryMediaTypes") instanceof List<?> types) {
            types.forEach(type -> binaryMediaTypes.add(intrinsics.resolveString(type).replace("~1", "/")));
        }
        if (properties.containsKey("Cors")) {
            // SAM's Cors adds mock OPTIONS methods, which fail (API_CONFIGURATION_ERROR) on an API whose every media
            // type is binary (aws/serverless-application-model#1344), as every API here must be
            throw new TemplateException(logicalId + ".Cors: not emulated (its mock preflights fail on AWS when every "
                    + "media type is binary); answer OPTIONS with a function, as PreflightFunction does");
        }
        Map<String, String> stageVariables = new LinkedHashMap<>();
        mapOrEmpty(properties.get("Variables")).forEach((name, value) ->
                stageVariables.put(name, intrinsics.resolveString(value)));
        return new ApiDefinition(
                logicalId,
                intrinsics.apiId(logicalId),
                intrinsics.resolveString(properties.get("StageName")),
                Optional.ofNullable(auth.get("DefaultAuthorizer")).map(String::valueOf),
                authorizers,
                gatewayResponses,
                binaryMediaTypes,
                stageVariables);
    }

    /** The logical id a {@code !Ref X}, {@code !Ref X.Alias} or {@code !GetAtt X.Arn} points at. */
    private static String logicalIdOf(Object reference) {
        Map<String, Object> intrinsic = mapOrEmpty(reference);
        if (intrinsic.get("Ref") != null) {
            String target = String.valueOf(intrinsic.get("Ref"));
            return target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
        }
        if (intrinsic.get("Fn::GetAtt") instanceof List<?> parts) {
            return String.valueOf(parts.getFirst());
        }
        throw new TemplateException("expected !Ref or !GetAtt to a resource, found " + reference);
    }

    /** Header values in gateway responses are written as quoted literals: {@code "'application/json'"}. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    private Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources.forEach((logicalId, resource) -> {
            Map<String, Object> definition = mapOrEmpty(resource);
            if (type.equals(definition.get("Type"))) {
                matching.put(logicalId, mapOrEmpty(definition.get("Properties")));
            }
        });
        return matching;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolvedMap(Map<String, Object> properties) {
        return (Map<String, Object>) intrinsics.resolve(properties);
    }
}
