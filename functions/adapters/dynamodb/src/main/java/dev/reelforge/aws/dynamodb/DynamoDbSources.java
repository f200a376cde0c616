package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.ingest.Rendition;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionFit;
import dev.reelforge.core.ingest.RenditionFormat;
import dev.reelforge.core.ingest.RenditionSize;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionStatus;
import dev.reelforge.core.ingest.Source;
import dev.reelforge.core.ingest.SourceStatus;
import dev.reelforge.core.ingest.Sources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Ingested sources in the sources table ({@code owner} HASH, {@code id} RANGE), one item each with its renditions
 * as a list of maps. Every change replaces the item on condition that its {@code status} and {@code updated} are
 * still what was read, so concurrent and repeated events cannot move a source back.
 */
public final class DynamoDbSources implements Sources {

    /** Pages read for a list at most: an owner's sources in every environment, newest kept. */
    private static final int MAX_LIST_PAGES = 20;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSources(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Source source) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(source))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    @Override
    public Optional<Source> find(String owner, UUID id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("owner", s(owner), "id", s(id.toString()))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Source> list(String owner, Environment environment, int limit) {
        List<Source> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(tableName)
                    .keyConditionExpression("#owner = :owner")
                    .filterExpression("#environment = :environment")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#environment", "environment"))
                    .expressionAttributeValues(Map.of(":owner", s(owner),
                            ":environment", s(environment.pathName())))
                    .consistentRead(true)
                    .exclusiveStartKey(exclusiveStart));
            response.items().forEach(item -> found.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < MAX_LIST_PAGES);
        found.sort(Comparator.comparing(Source::created).reversed().thenComparing(Source::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    @Override
    public boolean replace(Source previous, Source next) {
        if (!next.updated().isAfter(previous.updated())) {
            throw new IllegalArgumentException("a change must be later than the source's last one");
        }
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(next))
                    .conditionExpression("#status = :status AND #updated = :updated")
                    .expressionAttributeNames(Map.of("#status", "status", "#updated", "updated"))
                    .expressionAttributeValues(Map.of(":status", s(previous.status().wireName()),
                            ":updated", n(previous.updated().toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toItem(Source source) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("owner", s(source.owner()));
        item.put("id", s(source.id().toString()));
        item.put("environment", s(source.environment().pathName()));
        item.put("status", s(source.status().wireName()));
        source.input().ifPresent(input -> item.put("input", s(input)));
        source.callback().ifPresent(callback -> item.put("callback", s(callback)));
        source.filename().ifPresent(filename -> item.put("filename", s(filename)));
        source.url().ifPresent(url -> item.put("url", s(url)));
        source.error().ifPresent(error -> item.put("error", s(error)));
        source.jobId().ifPresent(jobId -> item.put("jobId", s(jobId)));
        source.media().ifPresent(media -> {
            item.put("hasVideo", AttributeValue.fromBool(media.hasVideo()));
            item.put("hasAudio", AttributeValue.fromBool(media.hasAudio()));
            item.put("width", n(media.width()));
            item.put("height", n(media.height()));
            item.put("duration", n(media.duration()));
            item.put("fps", n(media.fps()));
        });
        item.put("renditions", AttributeValue.fromL(source.renditions().stream()
                .map(rendition -> AttributeValue.fromM(toMap(rendition))).toList()));
        item.put("created", n(source.created().toEpochMilli()));
        item.put("updated", n(source.updated().toEpochMilli()));
        return item;
    }

    private static Map<String, AttributeValue> toMap(Rendition rendition) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("id", s(rendition.id().toString()));
        map.put("transformation", s(rendition.transformation()));
        map.put("status", s(rendition.status().wireName()));
        RenditionSpec spec = rendition.spec();
        map.put("format", s(spec.format().wireName()));
        spec.size().ifPresent(size -> {
            size.width().ifPresent(width -> map.put("sizeWidth", n(width)));
            size.height().ifPresent(height -> map.put("sizeHeight", n(height)));
        });
        map.put("fit", s(spec.fit().name()));
        spec.quality().ifPresent(quality -> map.put("quality", n(quality)));
        spec.fps().ifPresent(fps -> map.put("specFps", n(fps)));
        spec.keyframeInterval().ifPresent(interval -> map.put("keyframeInterval", n(interval)));
        spec.filename().ifPresent(name -> map.put("specFilename", s(name)));
        rendition.filename().ifPresent(filename -> map.put("filename", s(filename)));
        rendition.url().ifPresent(url -> map.put("url", s(url)));
        rendition.width().ifPresent(width -> map.put("width", n(width)));
        rendition.height().ifPresent(height -> map.put("height", n(height)));
        rendition.duration().ifPresent(duration -> map.put("duration", n(duration)));
        rendition.fps().ifPresent(fps -> map.put("fps", n(fps)));
        rendition.executionTime().ifPresent(millis -> map.put("executionTime", n(millis)));
        rendition.error().ifPresent(error -> map.put("error", s(error)));
        return map;
    }

    private static Source fromItem(Map<String, AttributeValue> item) {
        Optional<SourceMedia> media = item.containsKey("hasVideo")
                ? Optional.of(new SourceMedia(item.get("hasVideo").bool(), item.get("hasAudio").bool(),
                        integer(item, "width").orElse(0), integer(item, "height").orElse(0),
                        decimal(item, "duration").orElse(0), decimal(item, "fps").orElse(0)))
                : Optional.empty();
        return new Source(UUID.fromString(item.get("id").s()), item.get("owner").s(),
                Environment.fromPathName(item.get("environment").s()).orElseThrow(),
                text(item, "input"),
                SourceStatus.fromWireName(item.get("status").s()).orElseThrow(),
                item.containsKey("renditions")
                        ? item.get("renditions").l().stream().map(value -> fromMap(value.m())).toList() : List.of(),
                text(item, "callback"), text(item, "filename"), text(item, "url"), media, text(item, "error"),
                text(item, "jobId"),
                Instant.ofEpochMilli(Long.parseLong(item.get("created").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("updated").n())));
    }

    private static Rendition fromMap(Map<String, AttributeValue> map) {
        Optional<RenditionSize> size = map.containsKey("sizeWidth") || map.containsKey("sizeHeight")
                ? Optional.of(new RenditionSize(integer(map, "sizeWidth"), integer(map, "sizeHeight")))
                : Optional.empty();
        RenditionSpec spec = new RenditionSpec(RenditionFormat.fromWire(map.get("format").s()).orElseThrow(), size,
                RenditionFit.valueOf(map.get("fit").s()), integer(map, "quality"), decimal(map, "specFps"),
                integer(map, "keyframeInterval"), text(map, "specFilename"));
        return new Rendition(UUID.fromString(map.get("id").s()), spec, map.get("transformation").s(),
                RenditionStatus.fromWireName(map.get("status").s()).orElseThrow(), text(map, "filename"),
                text(map, "url"), integer(map, "width"), integer(map, "height"), decimal(map, "duration"),
                decimal(map, "fps"),
                map.containsKey("executionTime") ? OptionalLong.of(Long.parseLong(map.get("executionTime").n()))
                        : OptionalLong.empty(),
                text(map, "error"));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static OptionalInt integer(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? OptionalInt.of(Integer.parseInt(item.get(name).n())) : OptionalInt.empty();
    }

    private static OptionalDouble decimal(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? OptionalDouble.of(Double.parseDouble(item.get(name).n()))
                : OptionalDouble.empty();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }
}
