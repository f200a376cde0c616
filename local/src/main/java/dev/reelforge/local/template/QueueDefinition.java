package dev.reelforge.local.template;

import java.util.Map;

/**
 * An {@code AWS::SQS::Queue} with its properties resolved: its name, its URL ({@code !Ref}, where the embedded
 * stack serves it) and its ARN ({@code !GetAtt X.Arn}).
 */
public record QueueDefinition(String logicalId, String queueName, String url, String arn,
        Map<String, Object> properties) {}
