package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rule for the shape of a JSON value. Schemas are built once (see {@link Schemas}) and are immutable,
 * so one instance can check any number of documents concurrently.
 */
public sealed interface Schema
        permits ObjectSchema, ArraySchema, StringSchema, NumberSchema, BooleanSchema, AnyValueSchema, OneOfSchema,
                TaggedUnionSchema {

    /**
     * Reports everything wrong with {@code value}, found at {@code path}. The value is present and not
     * JSON {@code null}: absence and null are decided by the enclosing object.
     */
    void check(JsonNode value, JsonPath path, Violations violations);

    /** Whether the value has the JSON type this schema describes; used to pick a {@link OneOfSchema} branch. */
    boolean acceptsTypeOf(JsonNode value);

    /** What a valid value looks like, as users read it after "must be": "a number", "one of: auto, end". */
    String expectation();
}
