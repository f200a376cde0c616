package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.RuleEventDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The default EventBridge bus of the embedded stack: the functions' {@code EventBridgeRule} events are its
 * rules, and each published event is delivered, asynchronously, to every function whose pattern it matches.
 */
public final class LocalEventBus {

    private record Rule(RuleEventDefinition definition, LocalFunction target) {}

    private final List<Rule> rules = new ArrayList<>();
    private final AsyncInvoker invoker;

    public LocalEventBus(Collection<LocalFunction> functions, AsyncInvoker invoker) {
        this.invoker = invoker;
        for (LocalFunction function : functions) {
            function.definition().ruleEvents().forEach(rule -> rules.add(new Rule(rule, function)));
        }
    }

    /** Delivers an event (EventBridge's JSON) to the functions whose rules match it. */
    public void publish(String eventJson) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not an event: " + eventJson, e);
        }
        for (Rule rule : rules) {
            if (EventPattern.matches(rule.definition().pattern(), event)) {
                invoker.invoke(rule.target(), eventJson);
            }
        }
    }
}
