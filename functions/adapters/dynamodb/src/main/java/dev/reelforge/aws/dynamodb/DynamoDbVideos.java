package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetListings;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.Protection;
import dev.reelforge.core.video.Video;
import dev.reelforge.core.video.Videos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Videos in a DynamoDB table keyed by {@code id} alone (the asset's id), so a read by id is one GetItem whoever owns
 * the video. Two sparse global indexes, each keyed by an attribute an item carries only while it belongs there:
 * <ul>
 *   <li>{@value #CHANNEL_INDEX} ({@code channel}, {@code added}; every attribute projected): a channel's listed
 *       videos, newest first. A video carries {@code channel} from its creation until it is deleted or expired
 *       through the Videos API; a page is read by skipping the pages before it (IBM pages by number), at most
 *       {@link dev.reelforge.core.video.ListChannelVideosCommand#MAX_OFFSET} items;</li>
 *   <li>{@value #EXPIRING_INDEX} ({@code expiring}, {@code expiresAt} in Unix seconds; keys only): the videos whose
 *       rule is {@code at_given_time} and not yet carried out, which the sweep queries by {@code expiresAt <= now},
 *       never scanning the table.</li>
 * </ul>
 * A due video ({@code expiring} with {@code expiresAt <= now}) no longer changes its rule: the rule's update is
 * conditional on it, so the sweep, which claims the video conditionally too ({@code expiredAt}, kept from the first
 * claim), never deletes a video whose owner set it to {@code never} in time.
 */
public final class DynamoDbVideos implements Videos, AssetListings {

    /** The sparse index of listed videos by channel, newest first (template.yaml, VideosTable). */
    public static final String CHANNEL_INDEX = "channel-added";
    /** The sparse index of videos whose expiration is pending, by due time (template.yaml, VideosTable). */
    public static final String EXPIRING_INDEX = "expiring-expiresAt";

    static final String ID = "id";
    static final String OWNER = "owner";
    static final String ENVIRONMENT = "environment";
    static final String RENDER_ID = "renderId";
    static final String CHANNEL = "channel";
    static final String ADDED = "added";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String PROTECT = "protect";
    static final String LENGTH = "length";
    static final String FILE_SIZE = "fileSize";
    static final String URL = "url";
    static final String RULE = "rule";
    static final String EXPIRES_AT = "expiresAt";
    static final String EXPIRING = "expiring";
    static final String EXPIRED_AT = "expiredAt";

    private static final String INDEXED = "1";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbVideos(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean add(Video video) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(video))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Video> find(UUID id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(key(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean describe(UUID id, String owner, Optional<String> title, Optional<String> description) {
        List<String> sets = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", s(owner));
        title.ifPresent(value -> {
            sets.add("#title = :title");
            values.put(":title", s(value));
        });
        description.ifPresent(value -> {
            sets.add("#description = :description");
            values.put(":description", s(value));
        });
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("nothing to change");
        }
        return ConditionalUpdate.apply(dynamoDb, tableName, key(id), "SET " + String.join(", ", sets),
                "attribute_exists(#id) AND #owner = :owner", values);
    }

    @Override
    public boolean setExpiration(UUID id, String owner, ExpirationRule rule, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", s(owner));
        values.put(":rule", s(rule.wireName()));
        values.put(":now", n(now.getEpochSecond()));
        String update = switch (rule) {
            case ExpirationRule.Never never -> "SET #rule = :rule REMOVE #expiresAt, #expiring";
            case ExpirationRule.AtGivenTime at -> {
                values.put(":expiresAt", n(at.expiresAt().getEpochSecond()));
                values.put(":indexed", s(INDEXED));
                yield "SET #rule = :rule, #expiresAt = :expiresAt, #expiring = :indexed";
            }
        };
        return ConditionalUpdate.apply(dynamoDb, tableName, key(id), update,
                "#owner = :owner AND attribute_exists(#channel)"
                        + " AND (attribute_not_exists(#expiring) OR #expiresAt > :now)", values);
    }

    @Override
    public void unlist(UUID id) {
        removeIndexKeys(id);
    }

    /**
     * A deleted asset's video leaves its channel's listing. Only the listing: a video whose expiration is under way
     * stays in the sweep's index, for the sweep to finish it (its callback included) even if it stopped halfway.
     */
    @Override
    public void unlist(Asset deleted) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(deleted.id()))
                    .updateExpression("REMOVE #channel")
                    .conditionExpression("attribute_exists(#id) AND #owner = :owner")
                    .expressionAttributeNames(Map.of("#channel", CHANNEL, "#id", ID, "#owner", OWNER))
                    .expressionAttributeValues(Map.of(":owner", s(deleted.owner()))));
        } catch (ConditionalCheckFailedException notAVideo) {
            // a poster, a thumbnail, or a video hosted before the Videos API: not listed
        }
    }

    @Override
    public VideoPage listed(String channel, int offset, int limit) {
        Iterator<Map<String, AttributeValue>> items = dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(CHANNEL_INDEX)
                        .keyConditionExpression("#channel = :channel")
                        .expressionAttributeNames(Map.of("#channel", CHANNEL))
                        .expressionAttributeValues(Map.of(":channel", s(channel)))
                        .scanIndexForward(false)
                        .limit(Math.min(offset + limit + 1, 1000))
                        .build())
                .items().iterator();
        for (int skipped = 0; skipped < offset && items.hasNext(); skipped++) {
            items.next();
        }
        List<Video> page = new ArrayList<>();
        while (page.size() < limit && items.hasNext()) {
            page.add(fromItem(items.next()));
        }
        return new VideoPage(page, items.hasNext());
    }

    @Override
    public List<UUID> dueBy(Instant now, int limit) {
        List<UUID> due = new ArrayList<>();
        Iterator<Map<String, AttributeValue>> items = dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(EXPIRING_INDEX)
                        .keyConditionExpression("#expiring = :indexed AND #expiresAt <= :now")
                        .expressionAttributeNames(Map.of("#expiring", EXPIRING, "#expiresAt", EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":indexed", s(INDEXED), ":now", n(now.getEpochSecond())))
                        .limit(limit)
                        .build())
                .items().iterator();
        while (due.size() < limit && items.hasNext()) {
            due.add(UUID.fromString(items.next().get(ID).s()));
        }
        return due;
    }

    @Override
    public Optional<Instant> claimExpiration(UUID id, Instant now) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(id))
                    .updateExpression("SET #expiredAt = if_not_exists(#expiredAt, :claimed)")
                    .conditionExpression("attribute_exists(#expiring) AND #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#expiredAt", EXPIRED_AT, "#expiring", EXPIRING,
                            "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":claimed", s(ItemTimestamps.format(now)),
                            ":now", n(now.getEpochSecond())))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Optional.of(Instant.parse(updated.get(EXPIRED_AT).s()));
        } catch (ConditionalCheckFailedException notDue) {
            return Optional.empty();
        }
    }

    @Override
    public void finishExpiration(UUID id) {
        removeIndexKeys(id);
    }

    /** Out of both indexes; conditional only so that no item is created for an id that has none. */
    private void removeIndexKeys(UUID id) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(id))
                    .updateExpression("REMOVE #channel, #expiring")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#channel", CHANNEL, "#expiring", EXPIRING, "#id", ID)));
        } catch (ConditionalCheckFailedException noSuchVideo) {
            // nothing to take out
        }
    }

    private static Map<String, AttributeValue> key(UUID id) {
        return Map.of(ID, s(id.toString()));
    }

    private static Map<String, AttributeValue> toItem(Video video) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(video.id().toString()));
        item.put(OWNER, s(video.owner()));
        item.put(ENVIRONMENT, s(video.environment().pathName()));
        item.put(RENDER_ID, s(video.renderId().toString()));
        item.put(CHANNEL, s(video.channel()));
        item.put(ADDED, s(ItemTimestamps.format(video.added())));
        item.put(TITLE, s(video.title()));
        item.put(DESCRIPTION, s(video.description()));
        item.put(PROTECT, s(video.protection().wireName()));
        video.length().ifPresent(length -> item.put(LENGTH, s(length)));
        item.put(FILE_SIZE, n(video.fileSize()));
        item.put(URL, s(video.url()));
        item.put(RULE, s(video.expiration().wireName()));
        if (video.expiration() instanceof ExpirationRule.AtGivenTime at) {
            item.put(EXPIRES_AT, n(at.expiresAt().getEpochSecond()));
            item.put(EXPIRING, s(INDEXED));
        }
        return item;
    }

    private static Video fromItem(Map<String, AttributeValue> item) {
        ExpirationRule rule = ExpirationRule.AtGivenTime.WIRE_NAME.equals(item.get(RULE).s())
                ? new ExpirationRule.AtGivenTime(Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())))
                : new ExpirationRule.Never();
        return new Video(
                UUID.fromString(item.get(ID).s()),
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                UUID.fromString(item.get(RENDER_ID).s()),
                Instant.parse(item.get(ADDED).s()),
                item.get(TITLE).s(),
                item.get(DESCRIPTION).s(),
                Protection.fromWireName(item.get(PROTECT).s()).orElseThrow(),
                Optional.ofNullable(item.get(LENGTH)).map(AttributeValue::s),
                Long.parseLong(item.get(FILE_SIZE).n()),
                item.get(URL).s(),
                rule);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
