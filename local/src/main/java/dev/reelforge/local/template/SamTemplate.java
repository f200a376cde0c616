package dev.reelforge.local.template;

import static dev.reelforge.local.template.Intrinsics.mapOrEmpty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml as the embedded stack sees it: the functions with their routes and environments, the
 * APIs with their authorizers and gateway responses, the tables and the buckets, all with intrinsic
 * functions resolved for the local stack.
 */
public final class SamTemplate {

    private final Map<String, Object> resources;
    private final Map<String, Object> functionGlobals;
    private final Intrinsics intrinsics;

    private SamTemplate(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack) {
        this.resources = mapOrEmpty(template.get("Resources"));
        this.functionGlobals = mapOrEmpty(mapOrEmpty(template.get("Globals")).get("Function"));
        this.intrinsics = new Intrinsics(template, parameterOverrides, stack);
    }

    public static SamTemplate load(Path file, StackIdentity stack, Map<String, String> parameterOverrides) {
        return new SamTemplate(CloudFormationYaml.read(file), parameterOverrides, stack);
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
                    streamEvents.add(new StreamEventDefinition(
                            logicalIdOf(source.get("Stream")),
                            String.valueOf(source.getOrDefault("StartingPosition", "LATEST")),
                            Integer.parseInt(String.valueOf(source.getOrDefault("BatchSize", 100))),
                            Integer.parseInt(String.valueOf(source.getOrDefault("MaximumRetryAttempts", 2))),
                            patterns));
                }
                case "EventBridgeRule" -> ruleEvents.add(new RuleEventDefinition(name, mapOrEmpty(source.get("Pattern"))));
                case "Schedule" -> scheduleEvents.add(ScheduleEventDefinition.parse(name,
                        String.valueOf(source.get("Schedule"))));
                // PLACEHOLDER: read, not delivered yet (S3 event delivery is its own piece); the promote function's
                // tests invoke it with S3 events themselves
                case "S3" -> { }
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
                apiEvents, streamEvents, ruleEvents, scheduleEvents);
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
                    headers.put(name, unquote(String.valueOf(value))));
            Map<String, String> templates = new LinkedHashMap<>();
            mapOrEmpty(response.get("ResponseTemplates")).forEach((type2, body) -> templates.put(type2, String.valueOf(body)));
            Object status = response.get("StatusCode");
            gatewayResponses.put(type, new GatewayResponseDefinition(
                    Optional.ofNullable(status).map(value -> Integer.parseInt(String.valueOf(value))),
                    headers, templates));
        });
        return new ApiDefinition(
                logicalId,
                intrinsics.apiId(logicalId),
                intrinsics.resolveString(properties.get("StageName")),
                Optional.ofNullable(auth.get("DefaultAuthorizer")).map(String::valueOf),
                authorizers,
                gatewayResponses);
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
