package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbProjects;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.Project;
import dev.reelforge.core.project.ProjectId;
import dev.reelforge.core.project.ProjectStatus;
import dev.reelforge.core.project.StoredProject;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.picovico.PicovicoHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Picovico's projects ({@code /me/videos}) and styles on the embedded stack, through HTTP. Each test logs in as an
 * owner of its own, so that owner's draft and listing are the test's alone.
 */
class ProjectsIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    private static PicovicoHttp.Pair freshPair() {
        return PicovicoHttp.logIn(stack, PicovicoHttp.anotherOwner(stack).app(Environment.STAGE));
    }

    private static PicovicoHttp.Response postJson(String path, PicovicoHttp.Pair pair, String json) {
        return PicovicoHttp.send(stack, "POST", path, Map.of("X-Access-Key", pair.accessKey(),
                "X-Access-Token", pair.accessToken(), "Content-Type", "application/json"), Optional.of(json));
    }

    private static JsonNode createDraft(PicovicoHttp.Pair pair, String name) {
        PicovicoHttp.Response created = PicovicoHttp.post(stack, "/me/videos", pair,
                PicovicoHttp.form(Map.of("name", name)));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.body();
    }

    private static void assertPicovicoError(PicovicoHttp.Response response, int status, String... named) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().path("error").path("status").asInt()).as(response.text()).isEqualTo(status);
        assertThat(response.errorMessage()).as(response.text()).contains(named);
        assertThat(response.text()).doesNotContain("Exception", "dev.reelforge", "\tat ");
    }

    @Test
    void aNewDraftIsAnInitialVideoOfTheCallerWithNothingPublished() {
        PicovicoHttp.Pair pair = freshPair();

        JsonNode video = createDraft(pair, "Summer in Lisbon");

        assertThat(video.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(video.path("status").asText()).isEqualTo("initial");
        assertThat(video.path("name").asText()).isEqualTo("Summer in Lisbon");
        assertThat(video.path("owner").path("id").asText()).isEqualTo(pair.userId());
        assertThat(video.path("quality").asInt()).isEqualTo(360);
        assertThat(video.path("privacy").asText()).isEqualTo("public");
        assertThat(video.path("assets").isArray()).isTrue();
        assertThat(video.path("credit").isArray()).isTrue();
        assertThat(video.path("video").isNull()).isTrue();
        assertThat(video.path("thumbnail").isNull()).isTrue();
        assertThat(video.path("created_on").asLong())
                .isCloseTo(stack.clock().instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(video.path("modified_on").asLong()).isEqualTo(video.path("created_on").asLong());
    }

    @Test
    void postingTwiceAnswersTheSameDraft() {
        PicovicoHttp.Pair pair = freshPair();

        JsonNode first = createDraft(pair, "First");
        JsonNode second = createDraft(pair, "Second");

        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("name").asText()).isEqualTo("First");
    }

    @Test
    void concurrentPostsMakeOneDraft() throws Exception {
        PicovicoHttp.Pair pair = freshPair();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(() -> createDraft(pair, "Race").path("id").asText());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : pool.invokeAll(posts)) {
                ids.add(id.get());
            }

            assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
            JsonNode listing = PicovicoHttp.get(stack, "/me/videos", pair).body();
            assertThat(listing.path("videos")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateSentAsTheSdksSendItFormFieldsHoldingJsonChangesTheDraft() {
        PicovicoHttp.Pair pair = freshPair();
        String id = createDraft(pair, "Trip").path("id").asText();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Trip to Porto");
        fields.put("style", "vanilla");
        fields.put("quality", "720");
        fields.put("assets", "[{\"name\":\"image\",\"asset_id\":\"photo-1\",\"start_time\":0,\"end_time\":5,"
                + "\"data\":{\"caption\":\"The bridge\"}},{\"name\":\"text\",\"start_time\":5,\"end_time\":10,"
                + "\"data\":{\"title\":\"Day two\",\"text\":\"Rain\"}},{\"name\":\"music\",\"asset_id\":\"track-1\","
                + "\"start_time\":0,\"end_time\":0}]");
        fields.put("credit", "[[\"Photos\",\"Ana\"]]");
        fields.put("privacy", "private");
        fields.put("callback_url", "https://example.com/hook");

        PicovicoHttp.Response updated = PicovicoHttp.post(stack, "/me/videos/" + id, pair, PicovicoHttp.form(fields));

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode video = PicovicoHttp.get(stack, "/me/videos/" + id, pair).body();
        assertThat(video.path("name").asText()).isEqualTo("Trip to Porto");
        assertThat(video.path("style").asText()).isEqualTo("vanilla");
        assertThat(video.path("quality").asInt()).isEqualTo(720);
        assertThat(video.path("privacy").asText()).isEqualTo("private");
        assertThat(video.path("callback_url").asText()).isEqualTo("https://example.com/hook");
        assertThat(video.path("credit")).isEqualTo(Json.parseTrusted("[[\"Photos\",\"Ana\"]]"));
        assertThat(video.path("assets")).hasSize(3);
        assertThat(video.at("/assets/0/asset_id").asText()).isEqualTo("photo-1");
        assertThat(video.at("/assets/0/data/text").asText()).isEqualTo("The bridge");
        assertThat(video.at("/assets/1/data/title").asText()).isEqualTo("Day two");
        assertThat(video.at("/assets/2/name").asText()).isEqualTo("music");
        assertThat(video.path("duration").asDouble()).as("vanilla: intro, two slides, credits").isPositive();
        assertThat(video.path("status").asText()).isEqualTo("initial");
    }

    @Test
    void anUpdateSentAsAJsonBodyChangesTheDraftAndKeepsWhatItDoesNotName() {
        PicovicoHttp.Pair pair = freshPair();
        String id = createDraft(pair, "Kept name").path("id").asText();

        PicovicoHttp.Response updated = postJson("/me/videos/" + id, pair,
                "{\"style\":\"focus\",\"quality\":[480],\"credits\":[[\"Music\",\"Reelforge\"]],"
                        + "\"assets\":[{\"name\":\"image\",\"url\":\"https://example.com/a.jpg\"}]}");

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().path("name").asText()).isEqualTo("Kept name");
        assertThat(updated.body().path("style").asText()).isEqualTo("focus");
        assertThat(updated.body().path("quality").asInt()).isEqualTo(480);
        assertThat(updated.body().at("/credit/0/1").asText()).isEqualTo("Reelforge");
        assertThat(updated.body().at("/assets/0/url").asText()).isEqualTo("https://example.com/a.jpg");
    }

    @Test
    void unknownAndWrongFieldsAreRefusedNamingThem() {
        PicovicoHttp.Pair pair = freshPair();
        String path = "/me/videos/" + createDraft(pair, "Strict").path("id").asText();

        assertPicovicoError(PicovicoHttp.post(stack, path, pair, PicovicoHttp.form(Map.of("colour", "red"))), 400,
                "colour");
        assertPicovicoError(postJson(path, pair, "{\"assets\":[{\"name\":\"image\",\"asset_id\":\"p\",\"zoom\":2}]}"),
                400, "assets[0].zoom");
        assertPicovicoError(PicovicoHttp.post(stack, path, pair, PicovicoHttp.form(Map.of("quality", "1080"))), 400,
                "quality");
        assertPicovicoError(PicovicoHttp.post(stack, path, pair, PicovicoHttp.form(Map.of("assets", "[{"))), 400,
                "assets");
        assertPicovicoError(PicovicoHttp.post(stack, path, pair,
                PicovicoHttp.form(Map.of("callback_url", "ftp://example.com/x"))), 400, "callback_url");
        assertPicovicoError(PicovicoHttp.post(stack, path, pair, PicovicoHttp.form(Map.of("privacy", "friends"))),
                400, "privacy");
        assertPicovicoError(PicovicoHttp.post(stack, "/me/videos", pair, PicovicoHttp.form(Map.of("title", "x"))),
                400, "title");
        assertThat(PicovicoHttp.get(stack, path, pair).body().path("quality").asInt()).isEqualTo(360);
    }

    @Test
    void anUnknownStyleIsRefusedNamingItAndTheKnownOnes() {
        PicovicoHttp.Pair pair = freshPair();
        String path = "/me/videos/" + createDraft(pair, "Styled").path("id").asText();

        PicovicoHttp.Response refused = PicovicoHttp.post(stack, path, pair,
                PicovicoHttp.form(Map.of("style", "blinds")));

        assertPicovicoError(refused, 400, "style \"blinds\"", "vanilla", "vanilla_frameless", "focus", "party_default");
        assertThat(PicovicoHttp.get(stack, path, pair).body().path("style").isNull()).isTrue();
    }

    @Test
    void aDeletedDraftIsGoneAndTheNextPostMakesANewOne() {
        PicovicoHttp.Pair pair = freshPair();
        String id = createDraft(pair, "Short-lived").path("id").asText();

        PicovicoHttp.Response deleted = PicovicoHttp.delete(stack, "/me/videos/" + id, pair);

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(Json.parseTrusted("{\"message\":\"Video deleted\"}"));
        assertPicovicoError(PicovicoHttp.get(stack, "/me/videos/" + id, pair), 404, "No video has this id");
        assertPicovicoError(PicovicoHttp.delete(stack, "/me/videos/" + id, pair), 404, "No video has this id");
        assertThat(createDraft(pair, "Next").path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void onlyADraftCanBeChanged() {
        PicovicoHttp.Pair pair = freshPair();
        StoredProject published = seed(pair.userId(), Instant.now().minusSeconds(60), ProjectStatus.PUBLISHED);

        assertPicovicoError(PicovicoHttp.post(stack, "/me/videos/" + published.id(), pair,
                PicovicoHttp.form(Map.of("name", "Changed"))), 409, "published");
        assertThat(PicovicoHttp.get(stack, "/me/videos/" + published.id(), pair).body().path("name").asText())
                .isEqualTo("Seeded");
    }

    @Test
    void anotherOwnersPairOrTheOtherEnvironmentNeverSeesOrChangesAProject() {
        PicovicoHttp.Owner owner = PicovicoHttp.anotherOwner(stack);
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, owner.app(Environment.STAGE));
        String path = "/me/videos/" + createDraft(pair, "Mine").path("id").asText();
        PicovicoHttp.Pair stranger = freshPair();
        PicovicoHttp.Pair production = PicovicoHttp.logIn(stack, owner.app(Environment.V1));

        for (PicovicoHttp.Pair other : List.of(stranger, production)) {
            assertPicovicoError(PicovicoHttp.get(stack, path, other), 404, "No video has this id");
            assertPicovicoError(PicovicoHttp.post(stack, path, other, PicovicoHttp.form(Map.of("name", "Theirs"))),
                    404, "No video has this id");
            assertPicovicoError(PicovicoHttp.delete(stack, path, other), 404, "No video has this id");
            assertThat(PicovicoHttp.get(stack, "/me/videos", other).body().path("videos")).isEmpty();
            assertThat(createDraft(other, "Theirs").path("id").asText()).isNotEqualTo(path.substring(11));
        }
        assertThat(PicovicoHttp.get(stack, path, pair).body().path("name").asText()).isEqualTo("Mine");
    }

    @Test
    void pagingWalksFortyProjectsNewestFirstBothWaysAndStaysStableWhenOneIsAddedMeanwhile() {
        PicovicoHttp.Pair pair = freshPair();
        Instant start = stack.clock().instant().minus(Duration.ofHours(1));
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            newestFirst.addFirst(seed(pair.userId(), start.plusSeconds(i * 7L).plusMillis(i), ProjectStatus.PUBLISHED)
                    .id());
        }

        JsonNode first = PicovicoHttp.get(stack, "/me/videos?count=15", pair).body();
        assertThat(ids(first)).isEqualTo(newestFirst.subList(0, 15));
        assertThat(first.at("/paging/count").asInt()).isEqualTo(15);
        assertThat(first.at("/paging/prev_url").isNull()).isTrue();
        assertThat(first.at("/paging/next_url").asText()).startsWith("/me/videos?count=15&from=");

        String inserted = createDraft(pair, "Added meanwhile").path("id").asText();

        JsonNode second = PicovicoHttp.get(stack, first.at("/paging/next_url").asText(), pair).body();
        assertThat(ids(second)).isEqualTo(newestFirst.subList(15, 30));
        JsonNode third = PicovicoHttp.get(stack, second.at("/paging/next_url").asText(), pair).body();
        assertThat(ids(third)).isEqualTo(newestFirst.subList(30, 40));
        assertThat(third.at("/paging/next_url").isNull()).isTrue();
        assertThat(third.at("/paging/prev_url").asText()).startsWith("/me/videos?count=15&to=");

        JsonNode back = PicovicoHttp.get(stack, third.at("/paging/prev_url").asText(), pair).body();
        assertThat(ids(back)).isEqualTo(newestFirst.subList(15, 30));
        JsonNode backAgain = PicovicoHttp.get(stack, back.at("/paging/prev_url").asText(), pair).body();
        assertThat(ids(backAgain)).isEqualTo(newestFirst.subList(0, 15));
        JsonNode newest = PicovicoHttp.get(stack, backAgain.at("/paging/prev_url").asText(), pair).body();
        assertThat(ids(newest)).containsExactly(inserted);
        assertThat(newest.at("/paging/prev_url").isNull()).isTrue();

        assertThat(ids(PicovicoHttp.get(stack, "/me/videos", pair).body())).as("count defaults to 15")
                .hasSize(15).startsWith(inserted);
    }

    @Test
    void aNewDraftListsNewestEvenWhenAnotherProjectCarriesALaterTime() {
        PicovicoHttp.Pair pair = freshPair();
        StoredProject later = seed(pair.userId(), stack.clock().instant().plus(Duration.ofHours(1)),
                ProjectStatus.PUBLISHED);

        String draft = createDraft(pair, "Made after it").path("id").asText();

        JsonNode listing = PicovicoHttp.get(stack, "/me/videos", pair).body();
        assertThat(ids(listing)).containsExactly(draft, later.id());
        assertThat(listing.at("/videos/0/created_on").asLong()).isGreaterThanOrEqualTo(later.created().getEpochSecond());
    }

    @Test
    void badPagingParametersAreRefusedNamingThem() {
        PicovicoHttp.Pair pair = freshPair();

        assertPicovicoError(PicovicoHttp.get(stack, "/me/videos?count=0", pair), 400, "count");
        assertPicovicoError(PicovicoHttp.get(stack, "/me/videos?count=51", pair), 400, "count");
        assertPicovicoError(PicovicoHttp.get(stack, "/me/videos?from=yesterday", pair), 400, "from");
        assertPicovicoError(PicovicoHttp.get(stack, "/me/videos?from=1&to=2", pair), 400, "from", "to");
    }

    @Test
    void stylesListTheFourShippedStylesAsTheSdksReadThem() {
        PicovicoHttp.Pair pair = freshPair();

        for (String path : List.of("/styles", "/me/styles")) {
            PicovicoHttp.Response styles = PicovicoHttp.get(stack, path, pair);

            assertThat(styles.status()).as(styles.text()).isEqualTo(200);
            assertThat(styles.body()).extracting(style -> style.path("machine_name").asText())
                    .containsExactlyInAnyOrder("vanilla", "vanilla_frameless", "focus", "party_default");
            JsonNode focus = java.util.stream.StreamSupport.stream(styles.body().spliterator(), false)
                    .filter(style -> style.path("machine_name").asText().equals("focus")).findFirst().orElseThrow();
            assertThat(focus.path("name").asText()).isEqualTo("Focus");
            assertThat(focus.has("category") && focus.has("is_featured") && focus.has("description")
                    && focus.has("thumbnail") && focus.has("sample_url")).isTrue();
            assertThat(focus.at("/limits/quality")).extracting(quality -> quality.path("res").asInt() + ":"
                    + quality.path("credits").asInt()).containsExactly("360:40", "480:50", "720:70");
            assertThat(focus.at("/limits/title_length").asInt()).isPositive();
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("videos").forEach(video -> ids.add(video.path("id").asText()));
        return ids;
    }

    /** A project past its draft, written as a render will leave it (renders are not made by this face yet). */
    private static StoredProject seed(String owner, Instant created, ProjectStatus status) {
        StoredProject project = new StoredProject(ProjectId.generate(created, new Random()), owner, Environment.STAGE,
                status, Project.draft(Optional.of("Seeded")), Optional.empty(), created, created, 1);
        assertThat(new DynamoDbProjects(stack.services().dynamoDb(), stack.tableName("ProjectsTable")).add(project))
                .isTrue();
        return project;
    }
}
