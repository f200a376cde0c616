package dev.reelforge.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification as CDK's service database ({@code @aws-cdk/aws-service-spec}, pinned in
 * local/template-spec/package-lock.json and installed by the build into target/template-spec) describes it: every
 * resource type with its properties, their types and which are required, and its {@code Fn::GetAtt} attributes.
 */
final class CfnSpecification {

    /** A resource type: its properties, as an object shape, and the attributes {@code Fn::GetAtt} may read. */
    record ResourceType(String name, ObjectType properties, Set<String> attributes) {}

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> typeDefinitions = new HashMap<>();
    private final Map<String, ObjectType> objectTypes = new HashMap<>();
    private final Map<String, ResourceType> resourceTypes = new HashMap<>();

    private CfnSpecification(JsonNode database) {
        JsonNode schema = database.path("schema");
        for (JsonNode resource : schema.path("resource").path("entities")) {
            resources.put(resource.path("cloudFormationType").asText(), resource);
        }
        for (JsonNode type : schema.path("typeDefinition").path("entities")) {
            typeDefinitions.put(type.path("$id").asText(), type);
        }
        if (resources.isEmpty() || typeDefinitions.isEmpty()) {
            throw new IllegalStateException("the service database has no resources or no property types");
        }
    }

    /** The database the build installed; its path comes from the system property {@code reelforge.cfnSpec}. */
    static CfnSpecification installed() {
        return Installed.SPECIFICATION;
    }

    private static final class Installed {
        static final CfnSpecification SPECIFICATION = load(Path.of(System.getProperty("reelforge.cfnSpec",
                "target/template-spec/node_modules/@aws-cdk/aws-service-spec/db.json.gz")));
    }

    static CfnSpecification load(Path databaseGz) {
        if (!Files.isRegularFile(databaseGz)) {
            throw new IllegalStateException(databaseGz + " is missing: the local module's build installs it with"
                    + " `npm ci` in target/template-spec (run the tests through Maven)");
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(databaseGz), 1 << 16)) {
            return new CfnSpecification(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Optional<ResourceType> resource(String type) {
        if (resourceTypes.containsKey(type)) {
            return Optional.of(resourceTypes.get(type));
        }
        JsonNode resource = resources.get(type);
        if (resource == null) {
            return Optional.empty();
        }
        Set<String> attributes = new LinkedHashSet<>();
        resource.path("attributes").fieldNames().forEachRemaining(attributes::add);
        ResourceType resourceType = new ResourceType(type,
                new ObjectType(type, () -> properties(resource.path("properties"))), Set.copyOf(attributes));
        resourceTypes.put(type, resourceType);
        return Optional.of(resourceType);
    }

    /**
     * The shape of a property, or of a property of a property type below it: {@code AWS::Lambda::Function.SnapStart},
     * {@code AWS::S3::Bucket.NotificationConfiguration.LambdaConfigurations.Filter} (lists and maps are looked through).
     */
    Shape propertyShape(String dottedPath) {
        int dot = dottedPath.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("no property named in " + dottedPath);
        }
        ResourceType resource = resource(dottedPath.substring(0, dot))
                .orElseThrow(() -> new IllegalArgumentException("no resource type " + dottedPath));
        Shape shape = resource.properties();
        for (String name : dottedPath.substring(dot + 1).split("\\.")) {
            shape = elementOf(shape);
            if (!(shape instanceof ObjectType object) || !object.properties().containsKey(name)) {
                throw new IllegalArgumentException("no property " + name + " on the way to " + dottedPath);
            }
            shape = object.properties().get(name).shape();
        }
        return shape;
    }

    private static Shape elementOf(Shape shape) {
        return switch (shape) {
            case ListOf list -> elementOf(list.element());
            case MapOf map -> elementOf(map.element());
            default -> shape;
        };
    }

    private Map<String, Property> properties(JsonNode properties) {
        Map<String, Property> result = new LinkedHashMap<>();
        properties.fields().forEachRemaining(entry -> result.put(entry.getKey(), new Property(
                shape(entry.getValue().path("type")), entry.getValue().path("required").asBoolean(false))));
        return result;
    }

    private Shape shape(JsonNode type) {
        return switch (type.path("type").asText()) {
            case "string" -> new Scalar(ScalarKind.STRING, allowedValues(type));
            case "integer" -> new Scalar(ScalarKind.INTEGER, allowedValues(type));
            case "number" -> new Scalar(ScalarKind.NUMBER, allowedValues(type));
            case "boolean" -> new Scalar(ScalarKind.BOOLEAN, List.of());
            case "date-time" -> new Scalar(ScalarKind.TIMESTAMP, List.of());
            case "json" -> new Shape.Json();
            case "tag" -> new Shape.Tag();
            case "array" -> new ListOf(shape(type.path("element")));
            case "map" -> new MapOf(shape(type.path("element")), Set.of());
            case "union" -> {
                List<Shape> alternatives = new ArrayList<>();
                type.path("types").forEach(alternative -> alternatives.add(shape(alternative)));
                yield new OneOf(List.copyOf(alternatives));
            }
            case "ref" -> objectType(type.path("reference").path("$ref").asText());
            default -> new Shape.Anything();
        };
    }

    private synchronized ObjectType objectType(String id) {
        return objectTypes.computeIfAbsent(id, key -> {
            JsonNode definition = typeDefinitions.get(key);
            if (definition == null) {
                throw new IllegalStateException("the service database refers to a missing property type " + key);
            }
            return new ObjectType(definition.path("name").asText(), () -> properties(definition.path("properties")));
        });
    }

    private static List<String> allowedValues(JsonNode type) {
        List<String> values = new ArrayList<>();
        type.path("allowedValues").forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }
}
