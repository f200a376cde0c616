package dev.reelforge.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Bundles the multi-file contract into one OpenAPI document: each path file is inlined, and every
 * reference to a schema in another file ({@code ../schemas/responses/renderresponse.yaml#/RenderResponse})
 * becomes a reference to the component of that name, which api.oas3.yaml declares for every schema.
 * Two unions are then read as the contract means them (see {@link #tagUnion}).
 */
final class ContractBundle {

    private ContractBundle() {}

    /**
     * The newest definition as Shotstack publishes it, already bundled into one JSON document
     * ({@code @shotstack/schemas}' {@code dist/api.bundled.json}): its examples are dropped (some reference other
     * documents or parts of paths) and the same unions are read as the contract means them.
     */
    static String bundled(Path file) {
        ObjectNode api = (ObjectNode) localize(read(file));
        api.path("paths").forEach(pathItem -> copyPathParametersIntoOperations((ObjectNode) pathItem));
        ObjectNode schemas = (ObjectNode) api.path("components").path("schemas");
        tagUnion(schemas, "Asset", "type");
        tagUnion(schemas, "Destinations", "provider");
        requireOnlyDeclared(schemas, "RenditionResponseAttributes");
        return Json.write(api);
    }

    static String bundle(Path root) {
        Path directory = root.getParent();
        ObjectNode api = (ObjectNode) read(root);
        ObjectNode paths = (ObjectNode) api.path("paths");
        for (String name : iterable(paths.fieldNames())) {
            JsonNode path = paths.get(name);
            if (path.has("$ref")) {
                ObjectNode pathItem = (ObjectNode) localize(read(directory.resolve(path.path("$ref").asText())));
                paths.set(name, pathItem);
                copyPathParametersIntoOperations(pathItem);
            }
        }
        ObjectNode schemas = (ObjectNode) api.path("components").path("schemas");
        for (String name : iterable(schemas.fieldNames())) {
            String ref = schemas.get(name).path("$ref").asText();
            if (!ref.isEmpty() && !ref.startsWith("#")) {
                Path file = directory.resolve(ref.substring(0, ref.indexOf('#')));
                schemas.set(name, localize(read(file).path(ref.substring(ref.lastIndexOf('/') + 1))));
            }
        }
        tagUnion(schemas, "Asset", "type");
        tagUnion(schemas, "Destinations", "provider");
        requireOnlyDeclared(schemas, "RenditionResponseAttributes");
        return Json.write(api);
    }

    /**
     * The asset and destination unions name discriminator properties their variants do not have
     * ({@code asset}, {@code destinations}), mark each variant's tag ({@code type: video}) only by its
     * {@code default}, and forbid every property with a union-level {@code additionalProperties: false}. As
     * written no validator can apply them; here each variant is selected by its tag's default and admits no
     * properties beyond its own.
     */
    private static void tagUnion(ObjectNode schemas, String union, String tag) {
        ObjectNode unionSchema = (ObjectNode) schemas.get(union);
        unionSchema.remove("discriminator");
        unionSchema.remove("additionalProperties");
        JsonNode variants = unionSchema.has("oneOf") ? unionSchema.get("oneOf") : unionSchema.get("anyOf");
        for (JsonNode variant : variants) {
            String ref = variant.path("$ref").asText();
            ObjectNode variantSchema = ref.isEmpty() ? (ObjectNode) variant
                    : (ObjectNode) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            ObjectNode tagSchema = (ObjectNode) variantSchema.path("properties").path(tag);
            ArrayNode only = tagSchema.putArray("enum");
            only.add(tagSchema.path("default"));
            variantSchema.put("additionalProperties", false);
        }
    }

    /**
     * A rendition's attributes require {@code owner}, which they do not declare; as every object admits only the
     * properties it declares, no rendition could match. The undeclared requirement is dropped.
     */
    private static void requireOnlyDeclared(ObjectNode schemas, String name) {
        ObjectNode schema = (ObjectNode) schemas.get(name);
        JsonNode properties = schema.path("properties");
        ArrayNode declared = Json.MAPPER.createArrayNode();
        schema.path("required").forEach(field -> {
            if (properties.has(field.asText())) {
                declared.add(field);
            }
        });
        schema.set("required", declared);
    }

    /**
     * Parameters declared for the whole path apply to each of its operations; the validator only reads
     * an operation's own, so they are copied there (the meaning is unchanged).
     */
    private static void copyPathParametersIntoOperations(ObjectNode pathItem) {
        JsonNode shared = pathItem.remove("parameters");
        if (shared == null) {
            return;
        }
        for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
            if (pathItem.get(method) instanceof ObjectNode operation) {
                ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                        : operation.putArray("parameters");
                shared.forEach(parameter -> parameters.add(parameter.deepCopy()));
            }
        }
    }

    /** Rewrites file references to component references, and drops examples (they reference documents). */
    private static JsonNode localize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.remove("example");
            object.remove("examples");
            String ref = object.path("$ref").asText();
            if (!ref.isEmpty() && !ref.startsWith("#") && ref.contains("#/")) {
                object.put("$ref", "#/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            }
            object.forEach(ContractBundle::localize);
        } else if (node.isArray()) {
            node.forEach(ContractBundle::localize);
        }
        return node;
    }

    private static JsonNode read(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".json")) {
                return Json.MAPPER.readTree(Files.readString(file));
            }
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return Json.MAPPER.valueToTree((Map<?, ?>) yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
