package dev.reelforge.local.template;

import java.util.Map;

/** An {@code AWS::DynamoDB::Table} with its properties resolved. */
public record TableDefinition(String logicalId, String tableName, Map<String, Object> properties) {}
