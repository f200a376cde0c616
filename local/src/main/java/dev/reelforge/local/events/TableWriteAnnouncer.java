package dev.reelforge.local.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Announces the writes the stack's own DynamoDB client makes (a test seeding a table, a step of the stack's start) to
 * the pollers of the written table's stream, as a function's run announces its own ({@link StreamWakeups}): they read
 * the stream at once rather than at their idle interval. An interceptor on that client; a write that failed
 * announces nothing.
 */
public final class TableWriteAnnouncer implements ExecutionInterceptor {

    private volatile Map<String, StreamWakeups> wakeupsByTableName = Map.of();

    /** From now on, a write to a table named here wakes the pollers of its stream. */
    public void announceTo(Map<String, StreamWakeups> byTableName) {
        wakeupsByTableName = Map.copyOf(byTableName);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        Map<String, StreamWakeups> wakeups = wakeupsByTableName;
        tablesWrittenBy(context.request()).stream().distinct().map(wakeups::get).filter(Objects::nonNull)
                .forEach(StreamWakeups::wake);
    }

    private static Collection<String> tablesWrittenBy(SdkRequest request) {
        return switch (request) {
            case PutItemRequest put -> List.of(put.tableName());
            case UpdateItemRequest update -> List.of(update.tableName());
            case DeleteItemRequest delete -> List.of(delete.tableName());
            case BatchWriteItemRequest batch -> batch.requestItems().keySet();
            case TransactWriteItemsRequest transact -> transact.transactItems().stream()
                    .flatMap(TableWriteAnnouncer::tableWrittenBy).toList();
            default -> List.of();
        };
    }

    private static Stream<String> tableWrittenBy(TransactWriteItem item) {
        if (item.put() != null) {
            return Stream.of(item.put().tableName());
        }
        if (item.update() != null) {
            return Stream.of(item.update().tableName());
        }
        return item.delete() != null ? Stream.of(item.delete().tableName()) : Stream.empty();
    }
}
