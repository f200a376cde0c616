package dev.reelforge.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of a template to the values they take on the embedded stack: the
 * same table and bucket names CloudFormation would give (from their Name properties), ARNs in the local
 * account, and parameter defaults unless overridden.
 */
final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Map<String, Object> resources;
    private final Map<String, Object> parameters;
    private final Map<String, Object> functionGlobals;
    private final Map<String, String> parameterOverrides;
    private final StackIdentity stack;

    Intrinsics(Map<String, Object> template, Map<String, String> parameterOverrides, StackIdentity stack) {
        this.resources = mapOrEmpty(template.get("Resources"));
        this.parameters = mapOrEmpty(template.get("Parameters"));
        this.functionGlobals = mapOrEmpty(mapOrEmpty(template.get("Globals")).get("Function"));
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.stack = stack;
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
            case "AWS::Serverless::Function" -> functionName(name);
            case "AWS::Serverless::Api" -> apiId(name);
            case "AWS::Serverless::LayerVersion" -> "arn:aws:lambda:" + stack.region() + ":" + stack.accountId()
                    + ":layer:" + stack.stackName() + "-" + name + ":1";
            default -> stack.stackName() + "-" + name;
        };
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
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + stack.accountId() + ":role/" + physical;
            // PLACEHOLDER until the embedded stack has its CloudFront emulator: a name under .localhost that
            // resolves nowhere else, so a URL built from it is visibly local
            case "AWS::CloudFront::Distribution.DomainName" -> physical.toLowerCase(Locale.ROOT) + ".cloudfront.localhost";
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
