package dev.reelforge.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.ChunkTally;
import dev.reelforge.core.render.DuplicateRenderException;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderPage;
import dev.reelforge.core.render.RenderPosition;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.core.render.RenderSummary;
import dev.reelforge.core.render.Renders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Renders in a DynamoDB table keyed by {@code owner} (partition) and {@code id} (sort), so every read by
 * a user is one key lookup within their own partition. The edit is stored gzipped: edits are repetitive
 * JSON, and every later status update is billed by item size.
 *
 * <p>Every change is an UpdateItem whose condition names the statuses it may move from, so the status
 * only moves forward whatever order events arrive in. Unfinished renders carry {@code pending}, the key
 * of the sparse index the sweeper reads stuck renders from; finishing removes it.
 *
 * <p>Every render also carries {@code ownerEnvironment} ({@code <owner>#<environment>}) and {@code createdId}
 * ({@code <created>#<id>}, the time fixed-width so that it sorts as text), the keys of the index its owner's list is
 * read from, newest first, one Query per page; the index holds what a list shows, not the edit.
 */
public final class DynamoDbRenders implements Renders {

    /** The sparse index of unfinished renders by last change (template.yaml, RendersTable). */
    public static final String PENDING_INDEX = "pending-updated";
    /** The index of each owner's renders per environment by creation (template.yaml, RendersTable). */
    public static final String LIST_INDEX = "owner-environment-created";
    /** How many pages' worth of index entries a list filtered by status reads at most before it answers. */
    static final int FILTERED_READS_PER_PAGE = 10;

    static final String OWNER = "owner";
    static final String ID = "id";
    static final String ENVIRONMENT = "environment";
    static final String STATUS = "status";
    static final String EDIT = "edit";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String PENDING = "pending";
    static final String CLAIM = "claim";
    static final String JOB_ID = "jobId";
    /** How many chunks a render composed in parts has, the numbers of those composed, and who joins them. */
    static final String CHUNKS = "chunks";
    static final String CHUNKS_COMPOSED = "chunksComposed";
    static final String JOINER = "joiner";
    static final String PROGRESS = "progress";
    static final String ERROR = "error";
    static final String URL = "url";
    static final String POSTER = "poster";
    static final String THUMBNAIL = "thumbnail";
    static final String DURATION = "duration";
    static final String RENDER_TIME = "renderTime";
    static final String OUTPUTS = "outputs";
    static final String RENDITIONS = "renditions";
    static final String PROJECT = "project";
    static final String TEMPLATE = "template";
    static final String OWNER_ENVIRONMENT = "ownerEnvironment";
    static final String CREATED_ID = "createdId";
    private static final String NAME = "name";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";

    private static final String PENDING_VALUE = "1";
    /** Fixed width, so that stored timestamps sort as text in the order of time. */
    private static final List<RenderStatus> UNFINISHED =
            Arrays.stream(RenderStatus.values()).filter(status -> !status.isTerminal()).toList();

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
                        .key(key(new RenderKey(owner, id)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * One Query of the list index per page, newest first, asking for one render more than the page holds so that the
     * last page says so. A status filter is applied by DynamoDB after it reads (a FilterExpression): index entries of
     * other statuses are read and paid for too, so a filtered page reads up to {@link #FILTERED_READS_PER_PAGE} times
     * {@code limit + 1} entries and, when those run out before the page is full, answers it short with a next
     * position.
     */
    @Override
    public RenderPage list(String owner, Environment environment, Optional<RenderStatus> status,
            Optional<RenderPosition> after, int limit) {
        String partition = ownerEnvironment(owner, environment);
        Map<String, String> names = new HashMap<>(Map.of("#partition", OWNER_ENVIRONMENT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", s(partition)));
        status.ifPresent(wanted -> {
            names.put("#status", STATUS);
            values.put(":status", s(wanted.wireName()));
        });
        List<RenderSummary> found = new ArrayList<>();
        Map<String, AttributeValue> start = after.map(position -> listKey(owner, environment, position)).orElse(null);
        int reads = 0;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                    .indexName(LIST_INDEX)
                    .keyConditionExpression("#partition = :partition")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(status.isPresent() ? limit + 1 : limit + 1 - found.size())
                    .exclusiveStartKey(start);
            status.ifPresent(wanted -> query.filterExpression("#status = :status"));
            QueryResponse response = dynamoDb.query(query.build());
            response.items().forEach(item -> found.add(summaryOf(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            reads++;
        } while (start != null && found.size() <= limit && (status.isEmpty() || reads < FILTERED_READS_PER_PAGE));
        if (found.size() > limit) {
            List<RenderSummary> page = found.subList(0, limit);
            return new RenderPage(page, Optional.of(page.getLast().position()));
        }
        return new RenderPage(found, Optional.ofNullable(start).map(DynamoDbRenders::positionOf));
    }

    @Override
    public boolean claim(RenderKey render, String delivery, Instant now) {
        return update(render, "SET #status = :fetching, #claim = :delivery, #updated = :now",
                "attribute_exists(#id) AND (#status = :queued OR (#status IN (:fetching, :rendering) "
                        + "AND #claim = :delivery AND (attribute_not_exists(#jobId) OR attribute_exists(#composing))))",
                Map.of(":fetching", s(RenderStatus.FETCHING.wireName()), ":queued", s(RenderStatus.QUEUED.wireName()),
                        ":rendering", s(RenderStatus.RENDERING.wireName()), ":delivery", s(delivery),
                        ":now", s(ItemTimestamps.format(now))));
    }

    @Override
    public boolean advance(RenderKey render, RenderStatus next, Instant now) {
        if (next.isTerminal()) {
            throw new IllegalArgumentException("finish a render with complete or fail, not advance to " + next);
        }
        List<RenderStatus> from = UNFINISHED.stream().filter(status -> status.canMoveTo(next)).toList();
        Map<String, AttributeValue> values = new HashMap<>(statusValues(from));
        values.put(":next", s(next.wireName()));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #status = :next, #updated = :now",
                "attribute_exists(#id) AND #status IN (" + placeholders(from) + ")", values);
    }

    @Override
    public boolean recordJob(RenderKey render, String jobId, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":job", s(jobId));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #jobId = :job, #updated = :now",
                "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED) + ")", values);
    }

    @Override
    public boolean recordStreamingJob(RenderKey render, String jobId, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":job", s(jobId));
        values.put(":yes", s(PENDING_VALUE));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #jobId = :job, #composing = :yes, #updated = :now",
                "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED) + ")", values);
    }

    /** {@code composing} is present while the recorded job reads a composition still being written into it. */
    @Override
    public void recordInputComposed(RenderKey render, Instant now) {
        update(render, "SET #updated = :now REMOVE #composing", "attribute_exists(#composing)",
                Map.of(":now", s(ItemTimestamps.format(now))));
    }

    @Override
    public boolean recordChunks(RenderKey render, int chunks, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":chunks", AttributeValue.fromN(Integer.toString(chunks)));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #chunks = :chunks, #updated = :now", "attribute_exists(#id) AND #status IN ("
                + placeholders(UNFINISHED) + ") AND (attribute_not_exists(#chunks) OR #chunks = :chunks)", values);
    }

    /**
     * The chunk joins a number set, so a repeated one counts once; the delivery that finds the set whole then takes
     * the {@code joiner} attribute, which no other delivery can take from it, on a render with no job yet.
     */
    @Override
    public ChunkTally recordChunkComposed(RenderKey render, int chunk, String delivery, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":chunk", AttributeValue.fromNs(List.of(Integer.toString(chunk))));
        values.put(":now", s(ItemTimestamps.format(now)));
        String condition = "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED)
                + ") AND attribute_exists(#chunks)";
        UpdateItemResponse added;
        try {
            added = dynamoDb.updateItem(update -> update.tableName(tableName).key(key(render))
                    .updateExpression("SET #updated = :now ADD #chunksComposed :chunk")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#id", ID, "#status", STATUS, "#chunks", CHUNKS,
                            "#chunksComposed", CHUNKS_COMPOSED, "#updated", UPDATED))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException finished) {
            return new ChunkTally.Finished();
        }
        int chunks = Integer.parseInt(added.attributes().get(CHUNKS).n());
        int composed = added.attributes().get(CHUNKS_COMPOSED).ns().size();
        if (composed < chunks) {
            return new ChunkTally.Waiting(composed, chunks);
        }
        Map<String, AttributeValue> joining = new HashMap<>(statusValues(UNFINISHED));
        joining.put(":delivery", s(delivery));
        joining.put(":now", s(ItemTimestamps.format(now)));
        if (update(render, "SET #joiner = :delivery, #updated = :now", "attribute_exists(#id) AND #status IN ("
                + placeholders(UNFINISHED) + ") AND attribute_not_exists(#jobId) AND (attribute_not_exists(#joiner) "
                + "OR #joiner = :delivery)", joining)) {
            return new ChunkTally.AllComposed(chunks);
        }
        boolean finished = find(render.owner(), render.id()).map(found -> found.status().isTerminal()).orElse(true);
        return finished ? new ChunkTally.Finished() : new ChunkTally.Waiting(composed, chunks);
    }

    /**
     * Kept as one map attribute: {@code {file, poster?, thumbnail?, hosted, renditions?}}, {@code renditions} a list of
     * {@code {name, file, capture}} (absent when the render has none).
     */
    @Override
    public boolean recordOutputs(RenderKey render, RenderOutputs outputs, Instant now) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("file", s(outputs.file()));
        outputs.poster().ifPresent(poster -> map.put("poster", s(poster)));
        outputs.thumbnail().ifPresent(thumbnail -> map.put("thumbnail", s(thumbnail)));
        map.put("hosted", AttributeValue.fromBool(outputs.hosted()));
        if (!outputs.renditions().isEmpty()) {
            map.put("renditions", AttributeValue.fromL(outputs.renditions().stream()
                    .map(rendition -> AttributeValue.fromM(Map.of("name", s(rendition.name()),
                            "file", s(rendition.file()), "capture", s(rendition.capture()))))
                    .toList()));
        }
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":outputs", AttributeValue.fromM(map));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #outputs = :outputs, #updated = :now",
                "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED) + ")", values);
    }

    @Override
    public Optional<RenderOutputs> outputsOf(RenderKey render) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(render))
                        .projectionExpression("#outputs")
                        .expressionAttributeNames(Map.of("#outputs", OUTPUTS))
                        .consistentRead(true))
                .item();
        return Optional.ofNullable(item).map(found -> found.get(OUTPUTS)).map(AttributeValue::m).map(map ->
                new RenderOutputs(map.get("file").s(),
                        Optional.ofNullable(map.get("poster")).map(AttributeValue::s),
                        Optional.ofNullable(map.get("thumbnail")).map(AttributeValue::s),
                        map.get("hosted").bool(),
                        Optional.ofNullable(map.get("renditions")).map(AttributeValue::l).orElse(List.of()).stream()
                                .map(AttributeValue::m)
                                .map(rendition -> new RenderOutputs.RenditionOutputs(rendition.get("name").s(),
                                        rendition.get("file").s(), rendition.get("capture").s()))
                                .toList()));
    }

    @Override
    public Optional<String> jobOf(RenderKey render) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(render))
                        .projectionExpression("#jobId")
                        .expressionAttributeNames(Map.of("#jobId", JOB_ID))
                        .consistentRead(true))
                .item();
        return Optional.ofNullable(item).map(found -> found.get(JOB_ID)).map(AttributeValue::s);
    }

    @Override
    public void recordProgress(RenderKey render, int percent, Instant now) {
        update(render, "SET #progress = :percent, #updated = :now",
                "attribute_exists(#id) AND #status IN (:rendering, :saving) "
                        + "AND (attribute_not_exists(#progress) OR #progress < :percent)",
                Map.of(":percent", AttributeValue.fromN(Integer.toString(percent)),
                        ":rendering", s(RenderStatus.RENDERING.wireName()),
                        ":saving", s(RenderStatus.SAVING.wireName()), ":now", s(ItemTimestamps.format(now))));
    }

    @Override
    public boolean complete(RenderKey render, RenderResult result, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":done", s(RenderStatus.DONE.wireName()));
        values.put(":url", s(result.url()));
        values.put(":duration", n(result.duration()));
        values.put(":renderTime", n(result.renderTimeMillis()));
        values.put(":hundred", AttributeValue.fromN("100"));
        values.put(":now", s(ItemTimestamps.format(now)));
        StringBuilder set = new StringBuilder("SET #status = :done, #url = :url, #duration = :duration, "
                + "#renderTime = :renderTime, #progress = :hundred, #updated = :now");
        result.poster().ifPresent(poster -> {
            set.append(", #poster = :poster");
            values.put(":poster", s(poster));
        });
        result.thumbnail().ifPresent(thumbnail -> {
            set.append(", #thumbnail = :thumbnail");
            values.put(":thumbnail", s(thumbnail));
        });
        return update(render, set + " REMOVE #pending",
                "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED) + ")", values);
    }

    @Override
    public boolean fail(RenderKey render, String error, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(statusValues(UNFINISHED));
        values.put(":failed", s(RenderStatus.FAILED.wireName()));
        values.put(":error", s(error));
        values.put(":now", s(ItemTimestamps.format(now)));
        return update(render, "SET #status = :failed, #error = :error, #updated = :now REMOVE #pending",
                "attribute_exists(#id) AND #status IN (" + placeholders(UNFINISHED) + ")", values);
    }

    @Override
    public List<RenderKey> unfinishedSince(Instant cutoff, int limit) {
        return dynamoDb.query(query -> query.tableName(tableName)
                        .indexName(PENDING_INDEX)
                        .keyConditionExpression("#pending = :pending AND #updated < :cutoff")
                        .expressionAttributeNames(Map.of("#pending", PENDING, "#updated", UPDATED))
                        .expressionAttributeValues(Map.of(":pending", s(PENDING_VALUE),
                                ":cutoff", s(ItemTimestamps.format(cutoff))))
                        .limit(limit))
                .items().stream()
                .map(item -> new RenderKey(item.get(OWNER).s(), UUID.fromString(item.get(ID).s())))
                .toList();
    }

    private boolean update(RenderKey render, String updateExpression, String condition,
            Map<String, AttributeValue> values) {
        return ConditionalUpdate.apply(dynamoDb, tableName, key(render), updateExpression, condition, values);
    }

    private static Map<String, AttributeValue> statusValues(List<RenderStatus> statuses) {
        Map<String, AttributeValue> values = new HashMap<>();
        statuses.forEach(status -> values.put(":s_" + status.wireName(), s(status.wireName())));
        return values;
    }

    private static String placeholders(List<RenderStatus> statuses) {
        return String.join(", ", statuses.stream().map(status -> ":s_" + status.wireName()).toList());
    }

    private static Map<String, AttributeValue> key(RenderKey render) {
        return Map.of(OWNER, s(render.owner()), ID, s(render.id().toString()));
    }

    private static String ownerEnvironment(String owner, Environment environment) {
        return owner + "#" + environment.pathName();
    }

    private static String createdId(String created, UUID id) {
        return created + "#" + id;
    }

    private static Map<String, AttributeValue> listKey(String owner, Environment environment, RenderPosition position) {
        return Map.of(OWNER_ENVIRONMENT, s(ownerEnvironment(owner, environment)),
                CREATED_ID, s(createdId(ItemTimestamps.format(position.created()), position.id())),
                OWNER, s(owner), ID, s(position.id().toString()));
    }

    private static RenderPosition positionOf(Map<String, AttributeValue> listKey) {
        String createdId = listKey.get(CREATED_ID).s();
        int separator = createdId.indexOf('#');
        return new RenderPosition(Instant.parse(createdId.substring(0, separator)),
                UUID.fromString(createdId.substring(separator + 1)));
    }

    static Map<String, AttributeValue> toItem(Render render) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(OWNER, s(render.owner()));
        item.put(ID, s(render.id().toString()));
        item.put(ENVIRONMENT, s(render.environment().pathName()));
        item.put(STATUS, s(render.status().wireName()));
        item.put(EDIT, AttributeValue.fromB(SdkBytes.fromByteArray(gzip(Json.write(render.edit())))));
        item.put(CREATED, s(ItemTimestamps.format(render.created())));
        item.put(UPDATED, s(ItemTimestamps.format(render.updated())));
        item.put(OWNER_ENVIRONMENT, s(ownerEnvironment(render.owner(), render.environment())));
        item.put(CREATED_ID, s(createdId(ItemTimestamps.format(render.created()), render.id())));
        if (!render.status().isTerminal()) {
            item.put(PENDING, s(PENDING_VALUE));
        }
        if (!render.renditions().isEmpty()) {
            item.put(RENDITIONS, AttributeValue.fromL(render.renditions().stream()
                    .map(rendition -> AttributeValue.fromM(Map.of(NAME, s(rendition.name()),
                            WIDTH, AttributeValue.fromN(Integer.toString(rendition.size().width())),
                            HEIGHT, AttributeValue.fromN(Integer.toString(rendition.size().height())))))
                    .toList()));
        }
        render.project().ifPresent(project -> item.put(PROJECT, s(project)));
        render.template().ifPresent(template -> item.put(TEMPLATE, s(template.toString())));
        return item;
    }

    private static Optional<RenderResult> resultOf(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get(URL)).map(url -> new RenderResult(
                url.s(),
                Optional.ofNullable(item.get(POSTER)).map(AttributeValue::s),
                Optional.ofNullable(item.get(THUMBNAIL)).map(AttributeValue::s),
                Double.parseDouble(item.get(DURATION).n()),
                Double.parseDouble(item.get(RENDER_TIME).n())));
    }

    private static int encodingPercentOf(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get(PROGRESS)).map(percent -> Integer.parseInt(percent.n())).orElse(0);
    }

    /** A render as the list index holds it (its projection, template.yaml). */
    private static RenderSummary summaryOf(Map<String, AttributeValue> item) {
        return new RenderSummary(
                UUID.fromString(item.get(ID).s()),
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                RenderStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()),
                Optional.ofNullable(item.get(ERROR)).map(AttributeValue::s),
                resultOf(item),
                encodingPercentOf(item));
    }

    private static Render fromItem(Map<String, AttributeValue> item) {
        Optional<RenderResult> result = resultOf(item);
        return new Render(
                UUID.fromString(item.get(ID).s()),
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                RenderStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                gunzipJson(item.get(EDIT).b().asByteArray()),
                Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()),
                Optional.ofNullable(item.get(ERROR)).map(AttributeValue::s),
                result,
                Optional.ofNullable(item.get(RENDITIONS)).map(DynamoDbRenders::renditionsOf).orElse(List.of()),
                Optional.ofNullable(item.get(PROJECT)).map(AttributeValue::s),
                Optional.ofNullable(item.get(TEMPLATE)).map(AttributeValue::s).map(UUID::fromString),
                encodingPercentOf(item));
    }

    private static List<Rendition> renditionsOf(AttributeValue list) {
        return list.l().stream().map(AttributeValue::m).map(rendition -> new Rendition(rendition.get(NAME).s(),
                new Size(Integer.parseInt(rendition.get(WIDTH).n()), Integer.parseInt(rendition.get(HEIGHT).n()))))
                .toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
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
