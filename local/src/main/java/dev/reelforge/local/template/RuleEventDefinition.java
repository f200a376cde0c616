package dev.reelforge.local.template;

import java.util.Map;

/** A function's {@code EventBridgeRule} event: the pattern of events delivered to it. */
public record RuleEventDefinition(String name, Map<String, Object> pattern) {}
