package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A value of one of several JSON types, e.g. a clip length that is a number or {@code "auto"}. The
 * alternative is chosen by the value's type, so the message speaks about the branch the user meant.
 */
public record OneOfSchema(List<Schema> alternatives) implements Schema {

    public OneOfSchema {
        alternatives = List.copyOf(alternatives);
    }

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        List<Schema> candidates = alternatives.stream().filter(schema -> schema.acceptsTypeOf(value)).toList();
        if (candidates.isEmpty()) {
            violations.add(path, "must be " + expectation());
            return;
        }
        for (Schema candidate : candidates) {
            Violations trial = violations.trial();
            candidate.check(value, path, trial);
            if (trial.isEmpty()) {
                return;
            }
        }
        candidates.getFirst().check(value, path, violations);
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return alternatives.stream().anyMatch(schema -> schema.acceptsTypeOf(value));
    }

    @Override
    public String expectation() {
        return alternatives.stream().map(Schema::expectation).collect(Collectors.joining(" or "));
    }
}
