package dev.reelforge.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with its globals applied and its environment resolved.
 *
 * @param handlerClass the class part of {@code Handler} ({@code pkg.Class::method})
 * @param apiEvents    its {@code Api} event sources, and so on for its other event sources ({@code bucketEvents}:
 *                     its {@code S3} ones, {@code queueEvents} its {@code SQS} ones)
 */
public record FunctionDefinition(String logicalId, String functionName, String handlerClass, String codeUri,
        Duration timeout, int memoryMb, Map<String, String> environment, List<ApiEventDefinition> apiEvents,
        List<StreamEventDefinition> streamEvents, List<RuleEventDefinition> ruleEvents,
        List<ScheduleEventDefinition> scheduleEvents, List<BucketEventDefinition> bucketEvents,
        List<QueueEventDefinition> queueEvents) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
        apiEvents = List.copyOf(apiEvents);
        streamEvents = List.copyOf(streamEvents);
        ruleEvents = List.copyOf(ruleEvents);
        scheduleEvents = List.copyOf(scheduleEvents);
        bucketEvents = List.copyOf(bucketEvents);
        queueEvents = List.copyOf(queueEvents);
    }

    /** A function with API events only. */
    public FunctionDefinition(String logicalId, String functionName, String handlerClass, String codeUri,
            Duration timeout, int memoryMb, Map<String, String> environment, List<ApiEventDefinition> apiEvents) {
        this(logicalId, functionName, handlerClass, codeUri, timeout, memoryMb, environment, apiEvents, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }
}
