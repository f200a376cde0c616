package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON array whose items all follow one schema, with optional bounds on its length. */
public record ArraySchema(Schema items, int minItems, int maxItems) implements Schema {

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!value.isArray()) {
            violations.add(path, "must be " + expectation());
            return;
        }
        if (value.size() < minItems) {
            violations.add(path, minItems == 1 ? "must not be empty" : "must have at least " + minItems + " items");
        }
        if (value.size() > maxItems) {
            violations.add(path, "must have at most " + maxItems + " items");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isNull()) {
                violations.add(path.index(i), "must be " + items.expectation());
            } else if (!violations.standIns().standsForAnyValue(item)) {
                items.check(item, path.index(i), violations);
            }
        }
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return value.isArray();
    }

    @Override
    public String expectation() {
        return "an array";
    }

    public ArraySchema nonEmpty() {
        return new ArraySchema(items, Math.max(1, minItems), maxItems);
    }

    public ArraySchema atMost(int max) {
        return new ArraySchema(items, minItems, max);
    }
}
