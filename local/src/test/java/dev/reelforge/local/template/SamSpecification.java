package dev.reelforge.local.template;

import dev.reelforge.local.template.Shape.ListOf;
import dev.reelforge.local.template.Shape.MapOf;
import dev.reelforge.local.template.Shape.ObjectType;
import dev.reelforge.local.template.Shape.OneOf;
import dev.reelforge.local.template.Shape.Property;
import dev.reelforge.local.template.Shape.Scalar;
import dev.reelforge.local.template.Shape.ScalarKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * SAM's documented resource types, property types, event source types and Globals, as written by hand in
 * sam-specification.yaml (each entry citing its page of SAM's developer guide). Properties SAM passes on unchanged to
 * the resource it generates take their shape from the CloudFormation resource specification.
 */
final class SamSpecification {

    static final String DOCS = "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/";

    /**
     * A SAM resource type: its properties, the CloudFormation type whose attributes {@code Fn::GetAtt} reads on it,
     * and the properties its section of {@code Globals} may set.
     */
    record SamResourceType(String name, ObjectType properties, String attributesOf, Set<String> globals,
            String docs) {}

    private final CfnSpecification cfn;
    private final Map<String, Object> types;
    private final Map<String, Shape> namedShapes = new HashMap<>();
    private final Map<String, SamResourceType> resources = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private SamSpecification(Map<String, Object> document, CfnSpecification cfn) {
        this.cfn = cfn;
        this.types = (Map<String, Object>) document.get("types");
        ((Map<String, Object>) document.get("resources")).forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            resources.put(name, new SamResourceType(name, objectType(name, resource),
                    (String) resource.get("attributesOf"),
                    Set.copyOf((List<String>) resource.getOrDefault("globals", List.of())),
                    DOCS + resource.get("docs")));
        });
    }

    static SamSpecification load(CfnSpecification cfn) {
        try (InputStream in = SamSpecification.class.getResourceAsStream("/sam-specification.yaml")) {
            if (in == null) {
                throw new IllegalStateException("sam-specification.yaml is not on the test classpath");
            }
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            SamSpecification specification = new SamSpecification(document, cfn);
            specification.resolveEverything();
            return specification;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<SamResourceType> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    /** An IAM policy document: SAM's Policies, and the JSON CloudFormation takes as PolicyDocument. */
    Shape policyDocument() {
        return named("PolicyDocument");
    }

    /** The SAM resource type whose Globals section is {@code section} (Function, Api, ...). */
    Optional<SamResourceType> globalsSection(String section) {
        return resource("AWS::Serverless::" + section);
    }

    /** Every type expression in the file parses and every CloudFormation property it names exists: fail early. */
    private void resolveEverything() {
        for (SamResourceType resource : resources.values()) {
            resource.properties().properties();
            if (resource.attributesOf() != null && cfn.resource(resource.attributesOf()).isEmpty()) {
                throw new IllegalStateException(resource.name() + " names a missing type " + resource.attributesOf());
            }
        }
        for (String name : types.keySet()) {
            if (named(name) instanceof ObjectType object) {
                object.properties();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private ObjectType objectType(String name, Map<String, Object> definition) {
        return new ObjectType(name, () -> {
            Map<String, Object> properties = (Map<String, Object>) definition.getOrDefault("properties", Map.of());
            Set<String> required = Set.copyOf((List<String>) definition.getOrDefault("required", List.of()));
            Map<String, Property> result = new LinkedHashMap<>();
            properties.forEach((property, expression) ->
                    result.put(property, new Property(parse(String.valueOf(expression), name + "." + property),
                            required.contains(property))));
            for (String property : required) {
                if (!result.containsKey(property)) {
                    throw new IllegalStateException(name + " requires an undeclared property " + property);
                }
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private synchronized Shape named(String name) {
        Shape known = namedShapes.get(name);
        if (known != null) {
            return known;
        }
        Object value = types.get(name);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("sam-specification.yaml: no type " + name);
        }
        Map<String, Object> definition = (Map<String, Object>) value;
        Shape shape;
        if (definition.containsKey("discriminator")) {
            Map<String, Shape> variants = new LinkedHashMap<>();
            ((Map<String, String>) definition.get("variants")).forEach((tag, type) -> variants.put(tag, named(type)));
            shape = new Shape.Tagged(name, (String) definition.get("discriminator"), variants);
        } else if (definition.containsKey("mapOf")) {
            shape = new MapOf(parse((String) definition.get("mapOf"), name),
                    new LinkedHashSet<>((List<String>) definition.getOrDefault("keys", List.of())));
        } else {
            shape = objectType(name, definition);
        }
        namedShapes.put(name, shape);
        return shape;
    }

    /** Parses a type expression: {@code A | B}, {@code List<T>}, {@code Map<T>}, a name, or a CloudFormation path. */
    private Shape parse(String expression, String where) {
        List<String> alternatives = splitTopLevel(expression.trim(), where);
        if (alternatives.size() > 1) {
            List<Shape> shapes = new ArrayList<>();
            alternatives.forEach(alternative -> shapes.add(parse(alternative, where)));
            return new OneOf(List.copyOf(shapes));
        }
        String single = alternatives.getFirst();
        if (single.startsWith("List<") && single.endsWith(">")) {
            return new ListOf(parse(single.substring(5, single.length() - 1), where));
        }
        if (single.startsWith("Map<") && single.endsWith(">")) {
            return new MapOf(parse(single.substring(4, single.length() - 1), where), Set.of());
        }
        return switch (single) {
            case "String" -> new Scalar(ScalarKind.STRING, List.of());
            case "Integer" -> new Scalar(ScalarKind.INTEGER, List.of());
            case "Number" -> new Scalar(ScalarKind.NUMBER, List.of());
            case "Boolean" -> new Scalar(ScalarKind.BOOLEAN, List.of());
            case "Json" -> new Shape.Json();
            case "Anything" -> new Shape.Anything();
            case "SamPolicy" -> new Shape.SamPolicy(named("PolicyDocument"));
            default -> single.startsWith("AWS::") ? cfnShape(single, where) : named(single);
        };
    }

    private Shape cfnShape(String path, String where) {
        try {
            return cfn.propertyShape(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sam-specification.yaml, " + where + ": " + e.getMessage()
                    + " in the CloudFormation resource specification");
        }
    }

    private static List<String> splitTopLevel(String expression, String where) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(expression.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalStateException("sam-specification.yaml, " + where + ": unbalanced < > in " + expression);
        }
        parts.add(expression.substring(start).trim());
        return parts;
    }
}
