package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code true} or {@code false}; strings such as "true" are not booleans. */
public record BooleanSchema() implements Schema {

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!value.isBoolean()) {
            violations.add(path, "must be " + expectation());
        }
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return value.isBoolean();
    }

    @Override
    public String expectation() {
        return "a boolean";
    }
}
