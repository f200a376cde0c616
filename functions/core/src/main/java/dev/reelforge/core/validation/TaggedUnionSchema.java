package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object whose shape depends on one of its string properties, like an asset's {@code type} or a
 * destination's {@code provider}. Each variant schema also declares the tag property itself.
 */
public final class TaggedUnionSchema implements Schema {

    private final String tag;
    private final Map<String, Schema> variants;

    public TaggedUnionSchema(String tag, Map<String, ? extends Schema> variants) {
        this.tag = tag;
        this.variants = new LinkedHashMap<>(variants);
    }

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!value.isObject()) {
            violations.add(path, "must be " + expectation());
            return;
        }
        JsonNode tagValue = value.get(tag);
        if (tagValue == null || tagValue.isNull()) {
            violations.add(path.property(tag), "is required");
            return;
        }
        Schema variant = tagValue.isTextual() ? variants.get(tagValue.textValue()) : null;
        if (variant == null) {
            violations.add(path.property(tag), "must be one of: " + String.join(", ", variants.keySet()));
            return;
        }
        variant.check(value, path, violations);
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return value.isObject();
    }

    @Override
    public String expectation() {
        return "an object";
    }
}
