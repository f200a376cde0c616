package dev.reelforge.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Function} with its globals applied and its environment resolved.
 *
 * @param handlerClass the class part of {@code Handler} ({@code pkg.Class::method})
 * @param apiEvents    its {@code Api} event sources, and so on for its other event sources ({@code bucketEvents}:
 *                     its {@code S3} ones, {@code queueEvents} its {@code SQS} ones)
 * @param writtenTables the tables of the template its policies let it write items to (logical ids)
 */
public record FunctionDefinition(String logicalId, String functionName, String handlerClass, String codeUri,
        Duration timeout, int memoryMb, Map<String, String> environment, List<ApiEventDefinition> apiEvents,
        List<StreamEventDefinition> streamEvents, List<RuleEventDefinition> ruleEvents,
        List<ScheduleEventDefinition> scheduleEvents, List<BucketEventDefinition> bucketEvents,
        List<QueueEventDefinition> queueEvents, Set<String> writtenTables) {

    public FunctionDefinition {
        writtenTables = Set.copyOf(writtenTables);
        environment = Map.copyOf(environment);
        apiEvents = List.copyOf(apiEvents);
        streamEvents = List.copyOf(streamEvents);
        ruleEvents = List.copyOf(ruleEvents);
        scheduleEvents = List.copyOf(scheduleEvents);
        bucketEvents = List.copyOf(bucketEvents);
        queueEvents = List.copyOf(queueEvents);
    }

    /** A function that writes to no table of the template. */
    public FunctionDefinition(String logicalId, String functionName, String handlerClass, String codeUri,
            Duration timeout, int memoryMb, Map<String, String> environment, List<ApiEventDefinition> apiEvents,
            List<StreamEventDefinition> streamEvents, List<RuleEventDefinition> ruleEvents,
            List<ScheduleEventDefinition> scheduleEvents, List<BucketEventDefinition> bucketEvents,
            List<QueueEventDefinition> queueEvents) {
        this(logicalId, functionName, handlerClass, codeUri, timeout, memoryMb, environment, apiEvents, streamEvents,
                ruleEvents, scheduleEvents, bucketEvents, queueEvents, Set.of());
    }

    /** A function with API events only. */
    public FunctionDefinition(String logicalId, String functionName, String handlerClass, String codeUri,
            Duration timeout, int memoryMb, Map<String, String> environment, List<ApiEventDefinition> apiEvents) {
        this(logicalId, functionName, handlerClass, codeUri, timeout, memoryMb, environment, apiEvents, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }
}
