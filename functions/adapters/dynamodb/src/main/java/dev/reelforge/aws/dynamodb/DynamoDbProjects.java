package dev.reelforge.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.ProjectId;
import dev.reelforge.core.project.ProjectPublication;
import dev.reelforge.core.project.ProjectQuality;
import dev.reelforge.core.project.ProjectStatus;
import dev.reelforge.core.project.ProjectWire;
import dev.reelforge.core.project.Projects;
import dev.reelforge.core.project.PublicLinks;
import dev.reelforge.core.project.StoredProject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Picovico's projects in a DynamoDB table keyed by {@code scope} ({@code <owner>#<environment>}, HASH) and {@code sk}
 * (RANGE): {@code video#<id>} for a project, whose id begins with its creation time ({@link ProjectId}), so a scope's
 * projects sort by creation time and one is read by id with a GetItem; and {@code draft}, the marker naming the
 * scope's one draft, created only if absent in the same transaction as the draft itself (one draft per owner and
 * environment, whoever races). The project's fields are kept in Picovico's wire form ({@link ProjectWire}), its
 * render's id as {@code render} and its publication as {@code published} (JSON). A published public project's link
 * is an item of its own, {@code scope} = {@code link#<id>}, {@code sk} = {@code link}, holding the best quality's
 * URL: the public link reads it by id alone, and deleting the project deletes it.
 */
public final class DynamoDbProjects implements Projects, PublicLinks {

    static final String SCOPE = "scope";
    static final String SK = "sk";
    static final String ID = "id";
    static final String OWNER = "owner";
    static final String ENVIRONMENT = "environment";
    static final String STATUS = "status";
    static final String FIELDS = "fields";
    static final String CALLBACK_URL = "callbackUrl";
    static final String CREATED = "created";
    static final String MODIFIED = "modified";
    static final String VERSION = "version";
    static final String RENDER = "render";
    static final String PUBLISHED = "published";
    static final String FAILURE = "failure";
    static final String URL = "url";

    private static final String PROJECT_PREFIX = "video#";
    private static final String DRAFT = "draft";
    private static final String LINK_PREFIX = "link#";
    private static final String LINK = "link";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbProjects(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<StoredProject> find(String owner, Environment environment, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(key(owner, environment, PROJECT_PREFIX + id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<StoredProject> findDraft(String owner, Environment environment) {
        Map<String, AttributeValue> marker = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(key(owner, environment, DRAFT)).consistentRead(true)).item();
        if (marker == null || marker.isEmpty()) {
            return Optional.empty();
        }
        return find(owner, environment, marker.get(ID).s());
    }

    @Override
    public boolean addDraft(StoredProject draft) {
        Map<String, AttributeValue> marker = new HashMap<>(key(draft.owner(), draft.environment(), DRAFT));
        marker.put(ID, s(draft.id()));
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                    TransactWriteItem.builder().put(put -> put.tableName(tableName).item(marker)
                            .conditionExpression("attribute_not_exists(#sk)")
                            .expressionAttributeNames(Map.of("#sk", SK))).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(tableName).item(toItem(draft))
                            .conditionExpression("attribute_not_exists(#sk)")
                            .expressionAttributeNames(Map.of("#sk", SK))).build()));
            return true;
        } catch (TransactionCanceledException draftExists) {
            return false;
        }
    }

    /** Adds a project as it is (any status), if its id is new; how projects past their draft come to be. */
    public boolean add(StoredProject project) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(project))
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean replaceDraft(StoredProject updated, long expectedVersion) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(updated))
                    .conditionExpression("#status = :initial AND #version = :version")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION))
                    .expressionAttributeValues(Map.of(":initial", s(ProjectStatus.INITIAL.wireName()),
                            ":version", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public boolean delete(String owner, Environment environment, String id) {
        Optional<StoredProject> found = find(owner, environment, id);
        if (found.isEmpty()) {
            return false;
        }
        try {
            TransactWriteItem project = TransactWriteItem.builder().delete(delete -> delete.tableName(tableName)
                    .key(key(owner, environment, PROJECT_PREFIX + id))
                    .conditionExpression("attribute_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK))).build();
            if (found.get().status() == ProjectStatus.INITIAL) {
                TransactWriteItem marker = TransactWriteItem.builder().delete(delete -> delete.tableName(tableName)
                        .key(key(owner, environment, DRAFT))
                        .conditionExpression("#id = :id")
                        .expressionAttributeNames(Map.of("#id", ID))
                        .expressionAttributeValues(Map.of(":id", s(id)))).build();
                dynamoDb.transactWriteItems(transaction -> transaction.transactItems(project, marker));
            } else {
                TransactWriteItem link = TransactWriteItem.builder().delete(delete -> delete.tableName(tableName)
                        .key(linkKey(id))).build();
                dynamoDb.transactWriteItems(transaction -> transaction.transactItems(project, link));
            }
            return true;
        } catch (TransactionCanceledException goneMeanwhile) {
            return false;
        }
    }

    @Override
    public List<StoredProject> olderThan(String owner, Environment environment, Optional<Instant> before, int limit) {
        String upper = before.map(time -> PROJECT_PREFIX + ProjectId.timePrefix(time.toEpochMilli()))
                .orElse(PROJECT_PREFIX + "~");
        return query(owner, environment, PROJECT_PREFIX, upper, false, limit);
    }

    @Override
    public List<StoredProject> newerThan(String owner, Environment environment, Instant after, int limit) {
        return query(owner, environment, PROJECT_PREFIX + ProjectId.timePrefix(after.toEpochMilli() + 1),
                PROJECT_PREFIX + "~", true, limit);
    }

    /** Projects whose sort key is between the bounds (a bound is never a key itself: keys are longer). */
    private List<StoredProject> query(String owner, Environment environment, String lower, String upper,
            boolean ascending, int limit) {
        List<StoredProject> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(tableName)
                    .keyConditionExpression("#scope = :scope AND #sk BETWEEN :lower AND :upper")
                    .expressionAttributeNames(Map.of("#scope", SCOPE, "#sk", SK))
                    .expressionAttributeValues(Map.of(":scope", s(scope(owner, environment)), ":lower", s(lower),
                            ":upper", s(upper)))
                    .scanIndexForward(ascending)
                    .consistentRead(true)
                    .limit(limit - found.size())
                    .exclusiveStartKey(exclusiveStart));
            response.items().forEach(item -> found.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    /** A published public project's link: an item of its own, {@code link#<id>}, put when it is published. */
    @Override
    public Optional<URI> target(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(linkKey(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(URI.create(item.get(URL).s()));
    }

    /** The link item of a public published project: {@code scope} = {@code link#<id>}, {@code sk} = {@code link}. */
    static Map<String, AttributeValue> linkItem(String id, String url) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(id));
        item.put(URL, s(url));
        return item;
    }

    static Map<String, AttributeValue> linkKey(String id) {
        return Map.of(SCOPE, s(LINK_PREFIX + id), SK, s(LINK));
    }

    static Map<String, AttributeValue> draftKey(String owner, Environment environment) {
        return key(owner, environment, DRAFT);
    }

    static Map<String, AttributeValue> projectKey(StoredProject project) {
        return key(project.owner(), project.environment(), PROJECT_PREFIX + project.id());
    }

    private static String scope(String owner, Environment environment) {
        return owner + "#" + environment.pathName();
    }

    private static Map<String, AttributeValue> key(String owner, Environment environment, String sk) {
        return Map.of(SCOPE, s(scope(owner, environment)), SK, s(sk));
    }

    static Map<String, AttributeValue> toItem(StoredProject project) {
        Map<String, AttributeValue> item = new HashMap<>(key(project.owner(), project.environment(),
                PROJECT_PREFIX + project.id()));
        item.put(ID, s(project.id()));
        item.put(OWNER, s(project.owner()));
        item.put(ENVIRONMENT, s(project.environment().pathName()));
        item.put(STATUS, s(project.status().wireName()));
        item.put(FIELDS, s(Json.write(ProjectWire.fields(project.project()))));
        project.callbackUrl().ifPresent(url -> item.put(CALLBACK_URL, s(url.toString())));
        item.put(CREATED, n(project.created().toEpochMilli()));
        item.put(MODIFIED, n(project.modified().toEpochMilli()));
        item.put(VERSION, n(project.version()));
        project.render().ifPresent(render -> item.put(RENDER, s(render.toString())));
        project.publication().ifPresent(publication -> item.put(PUBLISHED, s(Json.write(publicationJson(publication)))));
        project.failure().ifPresent(failure -> item.put(FAILURE, s(failure)));
        return item;
    }

    private static StoredProject fromItem(Map<String, AttributeValue> item) {
        ObjectNode fields;
        try {
            fields = (ObjectNode) Json.MAPPER.readTree(item.get(FIELDS).s());
        } catch (IOException e) {
            throw new IllegalStateException("a stored project's fields are not JSON", e);
        }
        return new StoredProject(item.get(ID).s(), item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                ProjectStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                ProjectWire.read(fields),
                Optional.ofNullable(item.get(CALLBACK_URL)).map(value -> URI.create(value.s())),
                Instant.ofEpochMilli(Long.parseLong(item.get(CREATED).n())),
                Instant.ofEpochMilli(Long.parseLong(item.get(MODIFIED).n())),
                Long.parseLong(item.get(VERSION).n()),
                Optional.ofNullable(item.get(RENDER)).map(value -> UUID.fromString(value.s())),
                Optional.ofNullable(item.get(PUBLISHED)).map(value -> publicationOf(value.s())),
                Optional.ofNullable(item.get(FAILURE)).map(AttributeValue::s));
    }

    private static ArrayNode publicationJson(ProjectPublication publication) {
        ArrayNode videos = Json.MAPPER.createArrayNode();
        for (ProjectPublication.PublishedVideo video : publication.videos()) {
            ObjectNode entry = videos.addObject().put("quality", video.quality().height()).put("url", video.url());
            video.size().ifPresent(size -> entry.put("size", size));
            video.thumbnail().ifPresent(thumbnail -> entry.put("thumbnail", thumbnail));
        }
        return videos;
    }

    private static ProjectPublication publicationOf(String json) {
        JsonNode videos;
        try {
            videos = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored publication is not JSON", e);
        }
        List<ProjectPublication.PublishedVideo> read = new ArrayList<>();
        for (JsonNode video : videos) {
            read.add(new ProjectPublication.PublishedVideo(
                    ProjectQuality.ofHeight(video.path("quality").asInt()).orElseThrow(), video.path("url").asText(),
                    video.has("size") ? OptionalLong.of(video.path("size").asLong()) : OptionalLong.empty(),
                    video.has("thumbnail") ? Optional.of(video.path("thumbnail").asText()) : Optional.empty()));
        }
        return new ProjectPublication(read);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
