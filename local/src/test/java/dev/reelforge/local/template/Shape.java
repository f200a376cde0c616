package dev.reelforge.local.template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a property's value must look like, as the CloudFormation resource specification or SAM's documentation says:
 * the vocabulary {@link TemplateCheck} holds template.yaml against.
 */
sealed interface Shape {

    enum ScalarKind { STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP }

    /** A string, number or boolean; {@code allowedValues} empty when any value goes. */
    record Scalar(ScalarKind kind, List<String> allowedValues) implements Shape {}

    /** Free-form JSON (an object, or a string holding one): CloudFormation's "Json". */
    record Json() implements Shape {}

    /** Anything at all: SAM passes the value on unread (a SAM policy template, for instance). */
    record Anything() implements Shape {}

    /** A resource tag: {@code Key} and {@code Value}. */
    record Tag() implements Shape {}

    record ListOf(Shape element) implements Shape {}

    /** A map with any keys, or only {@code allowedKeys} when not empty. */
    record MapOf(Shape element, Set<String> allowedKeys) implements Shape {}

    /** One of several shapes: the value must fit at least one. */
    record OneOf(List<Shape> alternatives) implements Shape {}

    /** An object whose property {@code discriminator} names the shape of its {@code Properties} (SAM's events). */
    record Tagged(String name, String discriminator, Map<String, Shape> variants) implements Shape {}

    /** A SAM policy: an IAM policy document when it has a {@code Statement}, otherwise a SAM policy template. */
    record SamPolicy(Shape policyDocument) implements Shape {}

    /** An object with named properties; resolved lazily, since property types refer to each other. */
    final class ObjectType implements Shape {
        private final String name;
        private final Supplier<Map<String, Property>> resolver;
        private Map<String, Property> properties;

        ObjectType(String name, Supplier<Map<String, Property>> resolver) {
            this.name = name;
            this.resolver = resolver;
        }

        String name() {
            return name;
        }

        synchronized Map<String, Property> properties() {
            if (properties == null) {
                properties = resolver.get();
            }
            return properties;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Property(Shape shape, boolean required) {}
}
