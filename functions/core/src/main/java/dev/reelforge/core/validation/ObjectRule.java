package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A constraint across the properties of one object, checked once its properties are individually valid. */
@FunctionalInterface
public interface ObjectRule {

    void check(ObjectNode object, JsonPath path, Violations violations);
}
