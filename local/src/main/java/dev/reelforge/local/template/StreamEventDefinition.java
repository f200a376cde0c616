package dev.reelforge.local.template;

import java.util.List;
import java.util.Map;

/**
 * A function's {@code DynamoDB} event {@code name}: the stream of {@code tableLogicalId}, read from its start
 * ({@code TRIM_HORIZON}, the only starting position the template may declare) in batches of {@code batchSize},
 * records kept only when they match one of the filter {@code patterns} (EventBridge pattern syntax), a failing batch
 * retried {@code maxRetries} times.
 */
public record StreamEventDefinition(String name, String tableLogicalId, int batchSize,
        int maxRetries, List<Map<String, Object>> patterns) {

    public StreamEventDefinition {
        patterns = List.copyOf(patterns);
    }
}
