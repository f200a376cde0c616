package dev.reelforge.aws.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One conditional UpdateItem, the way every table adapter changes an item: each {@code #name} in the expressions
 * stands for the attribute of that name, and an unmet condition is an answer (false), not a failure.
 */
final class ConditionalUpdate {

    private static final Pattern NAME = Pattern.compile("#(\\w+)");

    private ConditionalUpdate() {}

    static boolean apply(DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> key,
            String updateExpression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        Matcher matcher = NAME.matcher(updateExpression + " " + condition);
        while (matcher.find()) {
            names.put(matcher.group(), matcher.group(1));
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key)
                    .updateExpression(updateExpression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException unchanged) {
            return false;
        }
    }
}
