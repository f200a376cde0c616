package dev.reelforge.local.template;

import dev.reelforge.local.template.CfnSpecification.ResourceType;
import dev.reelforge.local.template.SamSpecification.SamResourceType;
import dev.reelforge.local.template.Shape.ListOf;
import dev.reelforge.local.template.Shape.MapOf;
import dev.reelforge.local.template.Shape.ObjectType;
import dev.reelforge.local.template.Shape.OneOf;
import dev.reelforge.local.template.Shape.Property;
import dev.reelforge.local.template.Shape.Scalar;
import dev.reelforge.local.template.Shape.ScalarKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Holds a template, as {@link CloudFormationYaml} reads it, against the CloudFormation resource specification and SAM's
 * documented properties: section and resource types exist; every property (and every property of its property types,
 * all the way down) exists for its type, with the right shape (string, number, boolean, list, map, object);
 * required properties are there; intrinsic functions stand wherever a value goes, and what {@code Ref},
 * {@code Fn::GetAtt} and {@code Fn::Sub} name exists (parameters, resources, pseudo parameters and the resources SAM
 * generates). Then {@link DeploymentRules} adds what the specification cannot say. Each problem names its place in
 * the template ({@code Resources.X.Properties.Y}).
 */
final class TemplateCheck {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Outputs", "Resources", "Globals");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "Description", "AllowedValues",
            "AllowedPattern", "ConstraintDescription", "MaxLength", "MinLength", "MaxValue", "MinValue", "NoEcho");
    private static final Set<String> PARAMETER_TYPES = Set.of("String", "Number", "List<Number>",
            "CommaDelimitedList");
    private static final Set<String> INTRINSICS = Set.of("Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt",
            "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::Transform",
            "Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Length", "Fn::ToJsonString");
    /** Properties the resource specification types as free JSON that are IAM policy documents. */
    private static final Set<String> POLICY_DOCUMENTS = Set.of("PolicyDocument", "AssumeRolePolicyDocument");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> template;
    private final CfnSpecification cfn;
    private final SamSpecification sam;
    private final Map<String, Object> resources;
    private final Map<String, Object> globals;
    /** Names {@code Ref} may use. */
    private final Set<String> refNames = new HashSet<>();
    /** Per logical id, the attributes {@code Fn::GetAtt} may read; a null set reads any. */
    private final Map<String, Set<String>> attributes = new LinkedHashMap<>();
    /** Every SAM resource's properties with its Globals merged in, as SAM transforms it. */
    private final Map<String, Map<String, Object>> samProperties = new LinkedHashMap<>();
    private List<String> problems = new ArrayList<>();

    private TemplateCheck(Map<String, Object> template, CfnSpecification cfn, SamSpecification sam) {
        this.template = template;
        this.cfn = cfn;
        this.sam = sam;
        this.resources = mapOrEmpty(template.get("Resources"));
        this.globals = mapOrEmpty(template.get("Globals"));
    }

    /** Every problem found, in template order; none for a template CloudFormation and SAM would accept. */
    static List<String> problems(Map<String, Object> template, CfnSpecification cfn, SamSpecification sam) {
        TemplateCheck check = new TemplateCheck(template, cfn, sam);
        check.run();
        return List.copyOf(check.problems);
    }

    private void run() {
        template.keySet().stream().filter(section -> !SECTIONS.contains(section))
                .forEach(section -> problems.add(section + ": not a template section (" + new TreeSet<>(SECTIONS) + ")"));
        if (resources.isEmpty()) {
            problems.add("Resources: a template needs at least one resource");
        }
        mergeGlobals();
        collectNames();
        checkTransform();
        checkParameters();
        checkConditions();
        checkGlobals();
        resources.forEach((id, resource) -> checkResource(id, resource));
        checkOutputs();
        problems.addAll(DeploymentRules.problems(resources, samProperties));
    }

    // ------------------------------------------------------------------------------------------------ names

    private void mergeGlobals() {
        resources.forEach((id, value) -> {
            Map<String, Object> resource = mapOrEmpty(value);
            if (resource.get("Type") instanceof String type && type.startsWith("AWS::Serverless::")) {
                Map<String, Object> local = mapOrEmpty(resource.get("Properties"));
                Object section = globals.get(type.substring("AWS::Serverless::".length()));
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = section instanceof Map<?, ?> global
                        ? (Map<String, Object>) mergeSam(global, local) : local;
                samProperties.put(id, merged);
            }
        });
    }

    /** SAM's Globals merge: maps merge key by key, lists concatenate (global first), anything else the resource wins. */
    static Object mergeSam(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l && !isIntrinsic(g) && !isIntrinsic(l)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            g.forEach((key, value) -> merged.put(String.valueOf(key), value));
            l.forEach((key, value) -> merged.merge(String.valueOf(key), value, TemplateCheck::mergeSam));
            return merged;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> merged = new ArrayList<>(g);
            merged.addAll(l);
            return merged;
        }
        return local;
    }

    private void collectNames() {
        refNames.addAll(PSEUDO_PARAMETERS);
        refNames.addAll(mapOrEmpty(template.get("Parameters")).keySet());
        resources.forEach((id, value) -> {
            refNames.add(id);
            if (!(mapOrEmpty(value).get("Type") instanceof String type)) {
                return;
            }
            if (type.startsWith("AWS::Serverless::")) {
                sam.resource(type).ifPresent(samType ->
                        attributes.put(id, attributesOf(samType.attributesOf())));
                collectSamGeneratedNames(id, type, samProperties.getOrDefault(id, Map.of()));
            } else if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
                attributes.put(id, null);
            } else {
                cfn.resource(type).ifPresent(resourceType -> attributes.put(id, resourceType.attributes()));
            }
        });
    }

    /**
     * The resources SAM generates that templates may name, from "Generated CloudFormation resources" in SAM's guide
     * (sam-specification-generated-resources-function.html and -api.html).
     */
    private void collectSamGeneratedNames(String id, String type, Map<String, Object> properties) {
        switch (type) {
            case "AWS::Serverless::Function" -> {
                if (!properties.containsKey("Role")) {
                    generated(id + "Role", "AWS::IAM::Role");
                }
                if (properties.containsKey("AutoPublishAlias")) {
                    refNames.add(id + ".Alias");
                    refNames.add(id + ".Version");
                }
                mapOrEmpty(properties.get("Events")).forEach((event, value) -> {
                    Map<String, Object> source = mapOrEmpty(value);
                    Map<String, Object> eventProperties = mapOrEmpty(source.get("Properties"));
                    switch (String.valueOf(source.get("Type"))) {
                        case "Api" -> {
                            if (!eventProperties.containsKey("RestApiId")) {
                                generated("ServerlessRestApi", "AWS::ApiGateway::RestApi");
                            }
                        }
                        case "HttpApi" -> {
                            if (!eventProperties.containsKey("ApiId")) {
                                generated("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
                            }
                        }
                        case "Schedule", "EventBridgeRule", "CloudWatchEvent" -> generated(id + event, "AWS::Events::Rule");
                        case "SQS", "DynamoDB", "Kinesis" -> generated(id + event, "AWS::Lambda::EventSourceMapping");
                        default -> { }
                    }
                });
            }
            case "AWS::Serverless::Api" -> {
                refNames.add(id + ".Stage");
                refNames.add(id + ".Deployment");
            }
            default -> { }
        }
    }

    private void generated(String logicalId, String cfnType) {
        refNames.add(logicalId);
        attributes.put(logicalId, attributesOf(cfnType));
    }

    private Set<String> attributesOf(String cfnType) {
        return cfnType == null ? Set.of() : cfn.resource(cfnType).map(ResourceType::attributes).orElse(Set.of());
    }

    // ------------------------------------------------------------------------------------------------ sections

    private void checkTransform() {
        boolean usesSam = !globals.isEmpty() || !samProperties.isEmpty();
        Object transform = template.get("Transform");
        boolean declared = SAM_TRANSFORM.equals(transform)
                || (transform instanceof List<?> list && list.contains(SAM_TRANSFORM));
        if (usesSam && !declared) {
            problems.add("Transform: SAM resources and Globals need Transform: " + SAM_TRANSFORM);
        }
    }

    private void checkParameters() {
        mapOrEmpty(template.get("Parameters")).forEach((name, value) -> {
            String path = "Parameters." + name;
            if (!(value instanceof Map<?, ?>)) {
                problems.add(path + ": a parameter is an object with a Type");
                return;
            }
            Map<String, Object> parameter = mapOrEmpty(value);
            parameter.keySet().stream().filter(key -> !PARAMETER_KEYS.contains(key))
                    .forEach(key -> problems.add(path + "." + key + ": not a parameter property" + suggestion(key, PARAMETER_KEYS)));
            Object type = parameter.get("Type");
            if (!(type instanceof String typeName)) {
                problems.add(path + ": Type is required");
            } else if (!PARAMETER_TYPES.contains(typeName) && !typeName.startsWith("AWS::")
                    && !typeName.startsWith("List<AWS::")) {
                problems.add(path + ".Type: " + typeName + " is not a parameter type");
            }
            Object defaultValue = parameter.get("Default");
            if (defaultValue != null && parameter.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(String.valueOf(defaultValue)::equals)) {
                problems.add(path + ".Default: " + defaultValue + " is not among its AllowedValues " + allowed);
            }
            if (defaultValue != null && parameter.get("AllowedPattern") instanceof String pattern) {
                try {
                    if (!Pattern.compile(pattern).matcher(String.valueOf(defaultValue)).matches()) {
                        problems.add(path + ".Default: " + defaultValue + " does not match its AllowedPattern");
                    }
                } catch (PatternSyntaxException e) {
                    problems.add(path + ".AllowedPattern: not a regular expression");
                }
            }
        });
    }

    private void checkConditions() {
        mapOrEmpty(template.get("Conditions")).forEach((name, condition) ->
                scanIntrinsics(condition, "Conditions." + name));
    }

    private void checkGlobals() {
        globals.forEach((section, value) -> {
            String path = "Globals." + section;
            Optional<SamResourceType> type = sam.globalsSection(section);
            if (type.isEmpty() || type.get().globals().isEmpty()) {
                problems.add(path + ": not a Globals section SAM knows (" + SamSpecification.DOCS
                        + "sam-specification-template-anatomy-globals.html)");
                return;
            }
            if (!(value instanceof Map<?, ?>)) {
                problems.add(path + ": expected an object of " + type.get().name() + " properties");
                return;
            }
            Map<String, Property> properties = type.get().properties().properties();
            mapOrEmpty(value).forEach((name, property) -> {
                if (!properties.containsKey(name)) {
                    problems.add(path + "." + name + ": not a property of " + type.get().name()
                            + suggestion(name, properties.keySet()));
                } else if (!type.get().globals().contains(name)) {
                    problems.add(path + "." + name + ": SAM does not take " + name + " from Globals (only "
                            + new TreeSet<>(type.get().globals()) + ")");
                } else {
                    value(property, properties.get(name).shape(), path + "." + name);
                }
            });
        });
    }

    private void checkResource(String id, Object value) {
        String path = "Resources." + id;
        if (!(value instanceof Map<?, ?>)) {
            problems.add(path + ": a resource is an object with a Type");
            return;
        }
        Map<String, Object> resource = mapOrEmpty(value);
        Object typeValue = resource.get("Type");
        boolean samType = typeValue instanceof String t && t.startsWith("AWS::Serverless::");
        resource.keySet().stream()
                .filter(key -> !RESOURCE_KEYS.contains(key) && !(samType && key.equals("IgnoreGlobals")))
                .forEach(key -> problems.add(path + "." + key + ": not a resource attribute" + suggestion(key, RESOURCE_KEYS)));
        checkResourceAttributes(resource, path);
        Object properties = resource.get("Properties");
        if (properties != null && (!(properties instanceof Map<?, ?>) || isIntrinsic(properties))) {
            problems.add(path + ".Properties: expected an object");
            return;
        }
        Map<String, Object> given = mapOrEmpty(properties);
        if (!(typeValue instanceof String type)) {
            problems.add(path + ": Type is required");
        } else if (samType) {
            Optional<SamResourceType> samResource = sam.resource(type);
            if (samResource.isEmpty()) {
                problems.add(path + ".Type: " + type + " is not described in sam-specification.yaml: add it from"
                        + " SAM's developer guide (" + SamSpecification.DOCS + "sam-specification-resources-and-properties.html)");
                return;
            }
            object(given, samResource.get().properties(), path + ".Properties", false);
            required(samProperties.get(id), samResource.get().properties(), path + ".Properties");
        } else if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            if (!given.containsKey("ServiceToken")) {
                problems.add(path + ".Properties: a custom resource requires ServiceToken");
            }
            scanIntrinsics(given, path + ".Properties");
        } else {
            Optional<ResourceType> cfnResource = cfn.resource(type);
            if (cfnResource.isEmpty()) {
                problems.add(path + ".Type: " + type + " is not a resource type of the CloudFormation resource specification");
                return;
            }
            object(given, cfnResource.get().properties(), path + ".Properties", true);
        }
    }

    private void checkResourceAttributes(Map<String, Object> resource, String path) {
        Object deletion = resource.get("DeletionPolicy");
        if (deletion != null && !isIntrinsic(deletion)
                && !Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot").contains(String.valueOf(deletion))) {
            problems.add(path + ".DeletionPolicy: " + deletion + " is not Delete, Retain, RetainExceptOnCreate or Snapshot");
        }
        Object replace = resource.get("UpdateReplacePolicy");
        if (replace != null && !isIntrinsic(replace)
                && !Set.of("Delete", "Retain", "Snapshot").contains(String.valueOf(replace))) {
            problems.add(path + ".UpdateReplacePolicy: " + replace + " is not Delete, Retain or Snapshot");
        }
        Object dependsOn = resource.get("DependsOn");
        List<?> dependencies = dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn);
        dependencies.stream().filter(dependency -> !resources.containsKey(String.valueOf(dependency)))
                .forEach(dependency -> problems.add(path + ".DependsOn: no resource " + dependency));
        if (resource.get("Condition") instanceof String condition
                && !mapOrEmpty(template.get("Conditions")).containsKey(condition)) {
            problems.add(path + ".Condition: no condition " + condition);
        }
    }

    private void checkOutputs() {
        mapOrEmpty(template.get("Outputs")).forEach((name, value) -> {
            String path = "Outputs." + name;
            Map<String, Object> output = mapOrEmpty(value);
            output.keySet().stream().filter(key -> !Set.of("Description", "Value", "Export", "Condition").contains(key))
                    .forEach(key -> problems.add(path + "." + key + ": not an output property"));
            if (!output.containsKey("Value")) {
                problems.add(path + ": Value is required");
            }
            scanIntrinsics(output, path);
        });
    }

    // ------------------------------------------------------------------------------------------------ values

    private void value(Object value, Shape shape, String path) {
        if (value == null) {
            problems.add(path + ": has no value (CloudFormation refuses nulls)");
            return;
        }
        if (isIntrinsic(value)) {
            intrinsic(mapOrEmpty(value), shape, path);
            return;
        }
        switch (shape) {
            case Shape.Anything anything -> scanIntrinsics(value, path);
            case Shape.Json json -> {
                if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String) {
                    scanIntrinsics(value, path);
                } else {
                    problems.add(path + ": expected a JSON object, found " + describe(value));
                }
            }
            case Scalar scalar -> scalar(value, scalar, path);
            case Shape.Tag tag -> {
                if (value instanceof Map<?, ?> map) {
                    Map<String, Object> entries = mapOrEmpty(map);
                    entries.keySet().stream().filter(key -> !Set.of("Key", "Value").contains(key))
                            .forEach(key -> problems.add(path + "." + key + ": a tag has only Key and Value"));
                    for (String part : List.of("Key", "Value")) {
                        if (!entries.containsKey(part)) {
                            problems.add(path + ": a tag requires " + part);
                        } else {
                            value(entries.get(part), new Scalar(ScalarKind.STRING, List.of()), path + "." + part);
                        }
                    }
                } else {
                    problems.add(path + ": expected a tag {Key, Value}, found " + describe(value));
                }
            }
            case ListOf list -> {
                if (value instanceof List<?> elements) {
                    for (int i = 0; i < elements.size(); i++) {
                        value(elements.get(i), list.element(), path + "[" + i + "]");
                    }
                } else {
                    problems.add(path + ": expected a list, found " + describe(value));
                }
            }
            case MapOf map -> {
                if (value instanceof Map<?, ?> entries) {
                    mapOrEmpty(entries).forEach((key, element) -> {
                        if (!map.allowedKeys().isEmpty() && !map.allowedKeys().contains(key)) {
                            problems.add(path + "." + key + ": not one of " + map.allowedKeys()
                                    + suggestion(key, map.allowedKeys()));
                        } else {
                            value(element, map.element(), path + "." + key);
                        }
                    });
                } else {
                    problems.add(path + ": expected a map, found " + describe(value));
                }
            }
            case ObjectType object -> {
                if (value instanceof Map<?, ?> entries) {
                    object(mapOrEmpty(entries), object, path, true);
                } else {
                    problems.add(path + ": expected an object (" + object.name() + "), found " + describe(value));
                }
            }
            case OneOf oneOf -> oneOf(value, oneOf, path);
            case Shape.Tagged tagged -> tagged(value, tagged, path);
            case Shape.SamPolicy policy -> {
                if (value instanceof Map<?, ?> map && map.containsKey("Statement")) {
                    value(value, policy.policyDocument(), path);
                } else if (value instanceof Map<?, ?> || value instanceof String) {
                    scanIntrinsics(value, path);
                } else {
                    problems.add(path + ": expected a policy (a managed policy name or ARN, a policy document or a"
                            + " SAM policy template), found " + describe(value));
                }
            }
        }
    }

    private void object(Map<String, Object> value, ObjectType type, String path, boolean checkRequired) {
        Map<String, Property> properties = type.properties();
        value.forEach((name, property) -> {
            if (!properties.containsKey(name)) {
                problems.add(path + "." + name + ": not a property of " + type.name() + suggestion(name, properties.keySet()));
                return;
            }
            Shape shape = properties.get(name).shape();
            boolean json = shape instanceof Shape.Json
                    || (shape instanceof OneOf oneOf && oneOf.alternatives().stream().anyMatch(Shape.Json.class::isInstance));
            if (json && POLICY_DOCUMENTS.contains(name)) {
                shape = new OneOf(List.of(sam.policyDocument(), new Scalar(ScalarKind.STRING, List.of())));
            }
            value(property, shape, path + "." + name);
        });
        if (checkRequired) {
            required(value, type, path);
        }
    }

    private void required(Map<String, Object> value, ObjectType type, String path) {
        type.properties().forEach((name, property) -> {
            if (property.required() && !value.containsKey(name)) {
                problems.add(path + ": " + type.name() + " requires " + name);
            }
        });
    }

    private void scalar(Object value, Scalar scalar, String path) {
        String kind = scalar.kind().name().toLowerCase(Locale.ROOT);
        boolean fits = switch (value) {
            case String text -> switch (scalar.kind()) {
                case STRING, TIMESTAMP -> true;
                case INTEGER -> text.matches("-?\\d+");
                case NUMBER -> text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
                case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            };
            case Integer i -> scalar.kind() != ScalarKind.BOOLEAN;
            case Long l -> scalar.kind() != ScalarKind.BOOLEAN;
            case BigInteger b -> scalar.kind() != ScalarKind.BOOLEAN;
            case Double d -> scalar.kind() == ScalarKind.NUMBER || scalar.kind() == ScalarKind.STRING
                    || (scalar.kind() == ScalarKind.INTEGER && d == Math.rint(d));
            case Boolean b -> scalar.kind() == ScalarKind.BOOLEAN || scalar.kind() == ScalarKind.STRING;
            default -> false;
        };
        if (!fits) {
            problems.add(path + ": expected " + (scalar.kind() == ScalarKind.INTEGER ? "an " : "a ") + kind
                    + ", found " + describe(value));
        } else if (!scalar.allowedValues().isEmpty() && !scalar.allowedValues().contains(String.valueOf(value))) {
            problems.add(path + ": " + value + " is not one of " + scalar.allowedValues());
        }
    }

    /** The value fits one alternative; otherwise the problems of the closest one (same kind of value, fewest). */
    private void oneOf(Object value, OneOf oneOf, String path) {
        List<String> best = null;
        for (Shape alternative : oneOf.alternatives()) {
            List<String> found = problemsOf(() -> value(value, alternative, path));
            if (found.isEmpty()) {
                return;
            }
            if (sameKind(value, alternative) && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        if (best != null) {
            problems.addAll(best);
        } else {
            problems.add(path + ": expected " + oneOf.alternatives().stream().map(TemplateCheck::describe).toList()
                    + ", found " + describe(value));
        }
    }

    private void tagged(Object value, Shape.Tagged tagged, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": expected an object (" + tagged.name() + "), found " + describe(value));
            return;
        }
        Map<String, Object> entries = mapOrEmpty(map);
        entries.keySet().stream().filter(key -> !Set.of(tagged.discriminator(), "Properties").contains(key))
                .forEach(key -> problems.add(path + "." + key + ": not a property of " + tagged.name()
                        + " (" + tagged.discriminator() + ", Properties)"));
        Object tag = entries.get(tagged.discriminator());
        Shape variant = tag instanceof String name ? tagged.variants().get(name) : null;
        if (variant == null) {
            problems.add(path + "." + tagged.discriminator() + ": " + tag + " is not described in sam-specification.yaml"
                    + " (known: " + tagged.variants().keySet() + ")" + suggestion(String.valueOf(tag), tagged.variants().keySet()));
            return;
        }
        Object properties = entries.get("Properties");
        if (properties == null) {
            if (variant instanceof ObjectType object && object.properties().values().stream().anyMatch(Property::required)) {
                problems.add(path + ": a " + tag + " " + tagged.name() + " requires Properties");
            }
            return;
        }
        value(properties, variant, path + ".Properties");
    }

    // ------------------------------------------------------------------------------------------------ intrinsics

    private void intrinsic(Map<String, Object> call, Shape expected, String path) {
        Map.Entry<String, Object> entry = call.entrySet().iterator().next();
        String function = entry.getKey();
        Object argument = entry.getValue();
        String where = path + " (" + function + ")";
        switch (function) {
            case "Ref" -> {
                if (!(argument instanceof String target)) {
                    problems.add(where + ": Ref takes a name, found " + describe(argument));
                } else if (!refNames.contains(target)) {
                    problems.add(where + ": Ref " + target + " names no parameter, resource, pseudo parameter or"
                            + " resource SAM generates" + suggestion(target, refNames));
                }
            }
            case "Fn::GetAtt" -> getAtt(argument, where);
            case "Fn::Sub" -> {
                sub(argument, where);
                yieldsString(expected, where);
            }
            case "Fn::Join" -> {
                if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof String)) {
                    problems.add(where + ": Fn::Join takes [delimiter, [values]]");
                }
                scanIntrinsics(argument, path);
                yieldsString(expected, where);
            }
            case "Fn::Base64" -> {
                scanIntrinsics(argument, path);
                yieldsString(expected, where);
            }
            case "Fn::Split" -> {
                if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof String)) {
                    problems.add(where + ": Fn::Split takes [delimiter, string]");
                }
                scanIntrinsics(argument, path);
                if (expected instanceof Scalar || expected instanceof ObjectType) {
                    problems.add(where + ": Fn::Split yields a list where " + describe(expected) + " goes");
                }
            }
            case "Fn::If" -> {
                if (!(argument instanceof List<?> list) || list.size() != 3 || !(list.get(0) instanceof String)) {
                    problems.add(where + ": Fn::If takes [condition, value if true, value if false]");
                    return;
                }
                String condition = (String) list.get(0);
                if (!mapOrEmpty(template.get("Conditions")).containsKey(condition)) {
                    problems.add(where + ": no condition " + condition);
                }
                for (Object branch : list.subList(1, 3)) {
                    if (!Map.of("Ref", "AWS::NoValue").equals(branch)) {
                        value(branch, expected, path);
                    }
                }
            }
            case "Fn::FindInMap" -> {
                if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String mapping
                        && !mapOrEmpty(template.get("Mappings")).containsKey(mapping)) {
                    problems.add(where + ": no mapping " + mapping);
                }
                scanIntrinsics(argument, path);
            }
            default -> {
                if (INTRINSICS.contains(function)) {
                    scanIntrinsics(argument, path);
                } else {
                    problems.add(where + ": not an intrinsic function");
                }
            }
        }
    }

    private void getAtt(Object argument, String where) {
        String resource;
        Object attribute;
        if (argument instanceof String dotted && dotted.contains(".")) {
            resource = dotted.substring(0, dotted.indexOf('.'));
            attribute = dotted.substring(dotted.indexOf('.') + 1);
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String name) {
            resource = name;
            attribute = list.get(1);
        } else {
            problems.add(where + ": Fn::GetAtt takes [resource, attribute]");
            return;
        }
        if (!(attribute instanceof String attributeName)) {
            scanIntrinsics(attribute, where);
            if (!attributes.containsKey(resource)) {
                problems.add(where + ": no resource " + resource + suggestion(resource, attributes.keySet()));
            }
            return;
        }
        getAtt(resource, attributeName, where);
    }

    private void getAtt(String resource, String attribute, String where) {
        if (!attributes.containsKey(resource)) {
            problems.add(where + ": Fn::GetAtt " + resource + "." + attribute + " names no resource"
                    + suggestion(resource, attributes.keySet()));
            return;
        }
        Set<String> known = attributes.get(resource);
        boolean stackOutput = attribute.startsWith("Outputs.") && "AWS::CloudFormation::Stack".equals(typeOf(resource));
        if (known != null && !known.contains(attribute) && !stackOutput) {
            problems.add(where + ": " + resource + " (" + typeOf(resource) + ") has no attribute " + attribute
                    + " (it has " + new TreeSet<>(known) + ")");
        }
    }

    private void sub(Object argument, String where) {
        String text;
        Set<String> variables = new HashSet<>();
        if (argument instanceof String string) {
            text = string;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String string
                && list.get(1) instanceof Map<?, ?> map) {
            text = string;
            variables.addAll(mapOrEmpty(map).keySet());
            scanIntrinsics(map, where);
        } else {
            problems.add(where + ": Fn::Sub takes a string or [string, {variables}]");
            return;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            if (name.startsWith("!") || variables.contains(name) || refNames.contains(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                getAtt(name.substring(0, dot), name.substring(dot + 1), where);
            } else {
                problems.add(where + ": ${" + name + "} names no parameter, resource, pseudo parameter or variable"
                        + suggestion(name, refNames));
            }
        }
    }

    private void yieldsString(Shape expected, String where) {
        if (expected instanceof ListOf || expected instanceof ObjectType || expected instanceof MapOf) {
            problems.add(where + ": yields a string where " + describe(expected) + " goes");
        }
    }

    /** Checks the intrinsic functions anywhere inside a value whose own shape is free. */
    private void scanIntrinsics(Object value, String path) {
        if (isIntrinsic(value)) {
            intrinsic(mapOrEmpty(value), new Shape.Anything(), path);
        } else if (value instanceof Map<?, ?> map) {
            mapOrEmpty(map).forEach((key, element) -> scanIntrinsics(element, path + "." + key));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scanIntrinsics(list.get(i), path + "[" + i + "]");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<String> problemsOf(Runnable check) {
        List<String> saved = problems;
        problems = new ArrayList<>();
        try {
            check.run();
            return problems;
        } finally {
            problems = saved;
        }
    }

    private String typeOf(String logicalId) {
        return String.valueOf(mapOrEmpty(resources.get(logicalId)).getOrDefault("Type", "generated by SAM"));
    }

    static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return key instanceof String name && (name.equals("Ref") || name.startsWith("Fn::"));
    }

    private static boolean sameKind(Object value, Shape shape) {
        return switch (shape) {
            case Scalar scalar -> !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
            case ListOf list -> value instanceof List<?>;
            case Shape.Json json -> value instanceof Map<?, ?>;
            case OneOf oneOf -> oneOf.alternatives().stream().anyMatch(alternative -> sameKind(value, alternative));
            default -> value instanceof Map<?, ?>;
        };
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> map -> "an object";
            case List<?> list -> "a list";
            case String text -> "the string \"" + text + "\"";
            case Boolean bool -> "the boolean " + bool;
            case Number number -> "the number " + number;
            case Scalar scalar -> (scalar.kind() == ScalarKind.INTEGER ? "an " : "a ") + scalar.kind().name().toLowerCase(Locale.ROOT);
            case ListOf list -> "a list";
            case MapOf map -> "a map";
            case ObjectType object -> "an object (" + object.name() + ")";
            case Shape shape -> shape.getClass().getSimpleName();
            default -> value.getClass().getSimpleName();
        };
    }

    /** " (did you mean X?)" for a name one or two edits, or only case, away from a known one. */
    static String suggestion(String name, Set<String> known) {
        return known.stream()
                .filter(candidate -> candidate.equalsIgnoreCase(name) || editDistance(candidate, name) <= 2)
                .min(Comparator.comparingInt(candidate -> editDistance(candidate.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT))))
                .map(candidate -> " (did you mean " + candidate + "?)").orElse("");
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOrEmpty(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
