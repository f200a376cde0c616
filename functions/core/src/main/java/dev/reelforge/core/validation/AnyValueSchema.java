package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Any JSON value at all, such as a merge field's replacement. */
public record AnyValueSchema() implements Schema {

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        // every present value is acceptable
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return true;
    }

    @Override
    public String expectation() {
        return "any JSON value";
    }
}
