package dev.reelforge.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.DuplicateRenderException;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Renders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Renders in a DynamoDB table keyed by {@code owner} (partition) and {@code id} (sort), so every read is
 * one key lookup within the caller's own partition. The edit is stored gzipped: edits are repetitive
 * JSON, and every later status update is billed by item size.
 */
public final class DynamoDbRenders implements Renders {

    static final String OWNER = "owner";
    static final String ID = "id";
    static final String ENVIRONMENT = "environment";
    static final String STATUS = "status";
    static final String EDIT = "edit";
    static final String CREATED = "created";
    static final String UPDATED = "updated";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRenders(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Render render) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(render))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
        } catch (ConditionalCheckFailedException e) {
            throw new DuplicateRenderException(render.id());
        }
    }

    @Override
    public Optional<Render> find(String owner, UUID id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(OWNER, s(owner), ID, s(id.toString())))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    private static Map<String, AttributeValue> toItem(Render render) {
        return Map.of(
                OWNER, s(render.owner()),
                ID, s(render.id().toString()),
                ENVIRONMENT, s(render.environment().pathName()),
                STATUS, s(render.status().wireName()),
                EDIT, AttributeValue.fromB(SdkBytes.fromByteArray(gzip(Json.write(render.edit())))),
                CREATED, s(render.created().toString()),
                UPDATED, s(render.updated().toString()));
    }

    private static Render fromItem(Map<String, AttributeValue> item) {
        return new Render(
                UUID.fromString(item.get(ID).s()),
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                RenderStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                gunzipJson(item.get(EDIT).b().asByteArray()),
                Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static JsonNode gunzipJson(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return Json.parseTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("stored edit is not readable", e);
        }
    }
}
