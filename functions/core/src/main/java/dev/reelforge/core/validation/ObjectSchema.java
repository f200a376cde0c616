package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object with known properties. Unknown properties are reported rather than ignored, so a typo
 * such as {@code "lenght"} is never silently dropped. A property set to {@code null} counts as absent.
 */
public final class ObjectSchema implements Schema {

    private final Map<String, Schema> properties;
    private final Set<String> required;
    private final List<ObjectRule> rules;

    private ObjectSchema(Map<String, Schema> properties, Set<String> required, List<ObjectRule> rules) {
        this.properties = Map.copyOf(properties);
        this.required = Set.copyOf(required);
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> propertyNames() {
        return properties.keySet();
    }

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!value.isObject()) {
            violations.add(path, "must be " + expectation());
            return;
        }
        int before = violations.size();
        for (String name : required) {
            JsonNode property = value.get(name);
            if (property == null || property.isNull()) {
                violations.add(path.property(name), "is required");
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Schema schema = properties.get(field.getKey());
            JsonPath fieldPath = path.property(field.getKey());
            if (schema == null) {
                violations.add(fieldPath, "is not a known property");
            } else if (!field.getValue().isNull() && !violations.standIns().standsForAnyValue(field.getValue())) {
                schema.check(field.getValue(), fieldPath, violations);
            }
        }
        if (violations.size() == before) {
            for (ObjectRule rule : rules) {
                rule.check((ObjectNode) value, path, violations);
            }
        }
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return value.isObject();
    }

    @Override
    public String expectation() {
        return "an object";
    }

    public static final class Builder {
        private final Map<String, Schema> properties = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final List<ObjectRule> rules = new ArrayList<>();

        private Builder() {}

        public Builder required(String name, Schema schema) {
            properties.put(name, schema);
            required.add(name);
            return this;
        }

        public Builder optional(String name, Schema schema) {
            properties.put(name, schema);
            return this;
        }

        public Builder rule(ObjectRule rule) {
            rules.add(rule);
            return this;
        }

        public ObjectSchema build() {
            return new ObjectSchema(properties, required, rules);
        }
    }
}
