package dev.reelforge.local.template;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of a template to the values they take on the embedded stack: the
 * same table and bucket names CloudFormation would give (from their Name properties), ARNs in the local
 * account, and parameter defaults unless overridden. CloudFront ids have CloudFront's shape and stay the same
 * for a stack; a distribution's domain name is where the embedded stack serves it ({@code 127.0.0.1:port}) when
 * it is given one, and a {@code cloudfront.net} name otherwise.
 */
final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");
    private static final String CLOUDFRONT_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, Object> resources;
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> functionGlobals;
    private final Map<String, String> parameterOverrides;
    private final StackIdentity stack;
    private final Map<String, String> distributionDomains;
    private final Optional<URI> queueEndpoint;

    Intrinsics(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack) {
        this(template, parameterOverrides, stack, Map.of());
    }

    Intrinsics(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack,
            Map<String, String> distributionDomains) {
        this(template, parameterOverrides, stack, distributionDomains, Optional.empty());
    }

    /**
     * @param distributionDomains the domain name of each distribution served locally, by logical id
     * @param queueEndpoint       the SQS endpoint serving the queues; AWS's regional one when empty
     */
    Intrinsics(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack,
            Map<String, String> distributionDomains, Optional<URI> queueEndpoint) {
        this.resources = mapOrEmpty(template.get("Resources"));
        this.parameters = mapOrEmpty(template.get("Parameters"));
        this.conditions = mapOrEmpty(template.get("Conditions"));
        this.functionGlobals = mapOrEmpty(mapOrEmpty(template.get("Globals")).get("Function"));
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.stack = stack;
        this.distributionDomains = Map.copyOf(distributionDomains);
        this.queueEndpoint = queueEndpoint;
    }

    /** Returns {@code value} with every intrinsic function in it replaced by its resolved value. */
    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                Object argument = map.get(key);
                switch (String.valueOf(key)) {
                    case "Ref":
                        String name = String.valueOf(resolve(argument));
                        if ("CommaDelimitedList".equals(mapOrEmpty(parameters.get(name)).get("Type"))) {
                            return List.of(ref(name).split(",", -1));
                        }
                        return ref(name);
                    case "Fn::GetAtt":
                        List<?> parts = (List<?>) argument;
                        return getAtt(String.valueOf(parts.get(0)), String.valueOf(resolve(parts.get(1))));
                    case "Fn::Sub":
                        return sub(argument);
                    case "Fn::Split":
                        List<?> split = (List<?>) argument;
                        return List.of(resolveString(split.get(1)).split(java.util.regex.Pattern.quote(
                                String.valueOf(split.get(0))), -1));
                    case "Fn::If":
                        List<?> branches = (List<?>) argument;
                        return resolve(condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
                    case "Fn::Join":
                        List<?> join = (List<?>) argument;
                        List<String> items = new ArrayList<>();
                        for (Object item : (List<?>) resolve(join.get(1))) {
                            items.add(String.valueOf(item));
                        }
                        return String.join(String.valueOf(join.get(0)), items);
                    default:
                        if (String.valueOf(key).startsWith("Fn::")) {
                            throw new TemplateException("the embedded stack does not resolve " + key);
                        }
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        return value;
    }

    /** Whether the template's condition {@code name} holds (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition). */
    boolean condition(String name) {
        if (!conditions.containsKey(name)) {
            throw new TemplateException("the template has no condition " + name);
        }
        return holds(conditions.get(name));
    }

    private boolean holds(Object condition) {
        if (condition instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            Object argument = map.get(key);
            switch (String.valueOf(key)) {
                case "Fn::Equals": {
                    List<?> sides = (List<?>) argument;
                    return resolveString(sides.get(0)).equals(resolveString(sides.get(1)));
                }
                case "Fn::Not":
                    return !holds(((List<?>) argument).getFirst());
                case "Fn::And":
                    return ((List<?>) argument).stream().allMatch(this::holds);
                case "Fn::Or":
                    return ((List<?>) argument).stream().anyMatch(this::holds);
                case "Condition":
                    return condition(String.valueOf(argument));
                default:
                    break;
            }
        }
        throw new TemplateException("the embedded stack does not evaluate the condition " + condition);
    }

    String resolveString(Object value) {
        return String.valueOf(resolve(value));
    }

    String ref(String name) {
        switch (name) {
            case "AWS::StackName": return stack.stackName();
            case "AWS::Region": return stack.region();
            case "AWS::AccountId": return stack.accountId();
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            default: break;
        }
        if (parameters.containsKey(name)) {
            String override = parameterOverrides.get(name);
            if (override != null) {
                return override;
            }
            Object fallback = mapOrEmpty(parameters.get(name)).get("Default");
            if (fallback == null) {
                throw new TemplateException("parameter " + name + " has no default and no override");
            }
            return String.valueOf(fallback);
        }
        if (name.endsWith(".Alias")) {
            String function = name.substring(0, name.length() - ".Alias".length());
            return functionArn(function) + ":" + aliasOf(function);
        }
        Map<String, Object> resource = resource(name);
        Map<String, Object> properties = mapOrEmpty(resource.get("Properties"));
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::DynamoDB::Table" -> named(properties.get("TableName"), name);
            case "AWS::S3::Bucket" -> named(properties.get("BucketName"), name).toLowerCase(Locale.ROOT);
            case "AWS::SQS::Queue" -> queueEndpoint.map(endpoint -> endpoint.toString().replaceAll("/+$", ""))
                    .orElse("https://sqs." + stack.region() + ".amazonaws.com")
                    + "/" + stack.accountId() + "/" + queueName(name);
            case "AWS::Serverless::Function" -> functionName(name);
            case "AWS::Serverless::Api" -> apiId(name);
            case "AWS::Serverless::LayerVersion" -> "arn:aws:lambda:" + stack.region() + ":" + stack.accountId()
                    + ":layer:" + stack.stackName() + "-" + name + ":1";
            case "AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl" -> cloudFrontId("E", name);
            case "AWS::CloudFront::PublicKey" -> cloudFrontId("K", name);
            case "AWS::CloudFront::KeyGroup", "AWS::CloudFront::ResponseHeadersPolicy", "AWS::CloudFront::CachePolicy" ->
                    UUID.nameUUIDFromBytes((stack.stackName() + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
            default -> stack.stackName() + "-" + name;
        };
    }

    /** {@code QueueName}, or the stack's name and the logical id (CloudFormation adds a random suffix too). */
    private String queueName(String logicalId) {
        return named(mapOrEmpty(resource(logicalId).get("Properties")).get("QueueName"), logicalId);
    }

    String functionName(String logicalId) {
        Object explicit = mapOrEmpty(resource(logicalId).get("Properties")).get("FunctionName");
        return named(explicit, logicalId);
    }

    String apiId(String logicalId) {
        return logicalId.toLowerCase(Locale.ROOT);
    }

    private String functionArn(String logicalId) {
        return "arn:aws:lambda:" + stack.region() + ":" + stack.accountId() + ":function:" + functionName(logicalId);
    }

    private String aliasOf(String function) {
        Object alias = mapOrEmpty(resource(function).get("Properties")).get("AutoPublishAlias");
        if (alias == null) {
            alias = functionGlobals.get("AutoPublishAlias");
        }
        if (alias == null) {
            throw new TemplateException(function + ".Alias is used but " + function + " has no AutoPublishAlias");
        }
        return String.valueOf(alias);
    }

    private String getAtt(String logicalId, String attribute) {
        Map<String, Object> resource = resource(logicalId);
        String type = String.valueOf(resource.get("Type"));
        String physical = ref(logicalId);
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> "arn:aws:dynamodb:" + stack.region() + ":" + stack.accountId()
                    + ":table/" + physical;
            case "AWS::DynamoDB::Table.StreamArn" -> "arn:aws:dynamodb:" + stack.region() + ":"
                    + stack.accountId() + ":table/" + physical + "/stream/local";
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + physical;
            case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> physical + ".s3.localhost";
            case "AWS::Serverless::Function.Arn" -> functionArn(logicalId);
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + stack.region() + ":" + stack.accountId() + ":"
                    + queueName(logicalId);
            case "AWS::SQS::Queue.QueueName" -> queueName(logicalId);
            case "AWS::SQS::Queue.QueueUrl" -> physical;
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + stack.accountId() + ":role/" + physical;
            case "AWS::CloudFront::Distribution.DomainName" -> distributionDomains.getOrDefault(logicalId,
                    physical.toLowerCase(Locale.ROOT).replaceFirst("^e", "d") + ".cloudfront.net");
            case "AWS::CloudFront::Distribution.Id", "AWS::CloudFront::OriginAccessControl.Id",
                    "AWS::CloudFront::PublicKey.Id", "AWS::CloudFront::KeyGroup.Id",
                    "AWS::CloudFront::ResponseHeadersPolicy.Id" -> physical;
            default -> throw new TemplateException("the embedded stack does not resolve " + logicalId + "." + attribute);
        };
    }

    private String sub(Object argument) {
        String template;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            template = String.valueOf(list.get(0));
            variables = mapOrEmpty(list.get(1));
        } else {
            template = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else if (variables.containsKey(name)) {
                replacement = resolveString(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** An id shaped like CloudFront's ({@code E2QWRUHEXAMPLE}): a letter and 13 of [A-Z0-9], fixed per stack. */
    private String cloudFrontId(String prefix, String logicalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((stack.stackName() + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; id.length() < 14; i++) {
                id.append(CLOUDFRONT_ID_ALPHABET.charAt((digest[i] & 0xff) % CLOUDFRONT_ID_ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String named(Object explicitName, String logicalId) {
        return explicitName == null ? stack.stackName() + "-" + logicalId : resolveString(explicitName);
    }

    private Map<String, Object> resource(String logicalId) {
        Object resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("no resource or parameter named " + logicalId);
        }
        return mapOrEmpty(resource);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOrEmpty(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
