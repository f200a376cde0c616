package dev.reelforge.core.validation;

import java.util.List;
import java.util.Map;

/** The vocabulary for declaring schemas: {@code object().required("src", string().url("https"))}. */
public final class Schemas {

    private Schemas() {}

    public static ObjectSchema.Builder object() {
        return ObjectSchema.builder();
    }

    public static StringSchema string() {
        return StringSchema.any();
    }

    public static NumberSchema number() {
        return NumberSchema.anyNumber();
    }

    public static NumberSchema integer() {
        return NumberSchema.anyInteger();
    }

    public static BooleanSchema bool() {
        return new BooleanSchema();
    }

    public static AnyValueSchema anyValue() {
        return new AnyValueSchema();
    }

    public static ArraySchema arrayOf(Schema items) {
        return new ArraySchema(items, 0, Integer.MAX_VALUE);
    }

    public static OneOfSchema oneOf(Schema... alternatives) {
        return new OneOfSchema(List.of(alternatives));
    }

    public static TaggedUnionSchema taggedBy(String tag, Map<String, ? extends Schema> variants) {
        return new TaggedUnionSchema(tag, variants);
    }
}
