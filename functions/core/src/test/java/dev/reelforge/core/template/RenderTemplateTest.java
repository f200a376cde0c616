package dev.reelforge.core.template;

import static dev.reelforge.core.template.TemplateChecksTest.EDIT;
import static dev.reelforge.core.template.TemplateChecksTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.render.IdempotencyKey;
import dev.reelforge.core.render.IdempotencyKeys;
import dev.reelforge.core.render.IdempotencyRecord;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.render.SubmitRenderResult;
import dev.reelforge.core.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rendering a template: its edit, merge fields combined (the request's winning), submitted as any edit is. */
class RenderTemplateTest {

    private static final String OWNER = "owner-1";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** A template whose title and second clip's length are placeholders, the title with a default. */
    private static final String TEMPLATE_EDIT = EDIT.replace("\"Hi\"", "\"{{GREETING}}\"")
            .replace("\"length\": 3}", "\"length\": \"{{LEN}}\"}")
            .replace("\"output\"", "\"merge\": [{\"find\": \"GREETING\", \"replace\": \"Hello\"}], \"output\"");

    /** Unused: these tests send no Idempotency-Key (the API tests do). */
    private static final IdempotencyKeys NO_KEYS = new IdempotencyKeys() {
        @Override
        public Optional<IdempotencyRecord> find(String owner, Environment environment, IdempotencyKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<IdempotencyRecord> addUnlessTaken(Render render, IdempotencyRecord record, Instant now) {
            throw new UnsupportedOperationException();
        }
    };

    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryRenders renders = new InMemoryRenders();
    private final RenderTemplate renderTemplate = new RenderTemplate(templates, new SubmitRender(renders, NO_KEYS,
            new EditValidator(), url -> Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID));
    private final UUID templateId = UUID.randomUUID();

    RenderTemplateTest() {
        templates.add(new Template(templateId, OWNER, Environment.STAGE, "Greeting", json(TEMPLATE_EDIT), NOW, NOW));
    }

    private RenderTemplateResult render(String owner, Environment environment, String body) {
        return renderTemplate.render(new RenderTemplateCommand(owner, environment, json(body), Optional.empty()));
    }

    private Render queued(RenderTemplateResult result) {
        assertThat(result).isInstanceOf(RenderTemplateResult.Submitted.class);
        SubmitRenderResult submitted = ((RenderTemplateResult.Submitted) result).submitted();
        assertThat(submitted).isInstanceOf(SubmitRenderResult.Queued.class);
        return renders.find(OWNER, ((SubmitRenderResult.Queued) submitted).id()).orElseThrow();
    }

    private String request(String merge) {
        return "{\"id\": \"" + templateId + "\", \"merge\": " + merge + "}";
    }

    @Test
    void theRequestsMergeFieldsFillThePlaceholdersAndTheTemplatesOwnAreDefaults() {
        Render render = queued(render(OWNER, Environment.STAGE, request("[{\"find\": \"LEN\", \"replace\": 3}]")));

        JsonNode merged = MergeFields.apply(render.edit());
        assertThat(merged.at("/timeline/tracks/0/clips/1/asset/text").asText()).isEqualTo("Hello");
        assertThat(merged.at("/timeline/tracks/0/clips/1/length").asInt()).isEqualTo(3);
        assertThat(render.template()).contains(templateId);
        assertThat(render.environment()).isEqualTo(Environment.STAGE);
    }

    @Test
    void aRequestsMergeFieldWinsOverTheTemplatesOfTheSameFind() {
        Render render = queued(render(OWNER, Environment.STAGE,
                request("[{\"find\": \"GREETING\", \"replace\": \"Bonjour\"}, {\"find\": \"LEN\", \"replace\": 1.5}]")));

        assertThat(MergeFields.apply(render.edit()).at("/timeline/tracks/0/clips/1/asset/text").asText())
                .isEqualTo("Bonjour");
        assertThat(render.edit().path("merge").findValuesAsText("find")).containsExactly("GREETING", "LEN");
        assertThat(render.edit().at("/merge/0/replace").asText()).isEqualTo("Bonjour");
    }

    @Test
    void theMergedEditIsCheckedInFullSoAValueThatBreaksItIsNamed() {
        RenderTemplateResult result = render(OWNER, Environment.STAGE, request("[{\"find\": \"LEN\", \"replace\": \"long\"}]"));

        assertThat(result).isEqualTo(new RenderTemplateResult.Submitted(new SubmitRenderResult.Invalid(java.util.List.of(
                new Violation("timeline.tracks[0].clips[1].length", "must be auto, end or alias://name")))));
        assertThat(renders.find(OWNER, templateId)).isEmpty();
    }

    @Test
    void aPlaceholderLeftWithoutAValueMakesTheEditInvalid() {
        RenderTemplateResult result = render(OWNER, Environment.STAGE, "{\"id\": \"" + templateId + "\"}");

        assertThat(((SubmitRenderResult.Invalid) ((RenderTemplateResult.Submitted) result).submitted()).violations())
                .extracting(Violation::message)
                .containsExactly("timeline.tracks[0].clips[1].length must be auto, end or alias://name");
    }

    @Test
    void anotherOwnersOrEnvironmentsTemplateIsNotFound() {
        assertThat(render("owner-2", Environment.STAGE, request("[]"))).isEqualTo(new RenderTemplateResult.NotFound(templateId));
        assertThat(render(OWNER, Environment.V1, request("[]"))).isEqualTo(new RenderTemplateResult.NotFound(templateId));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no id             | '{"merge": []}'                                    | id is required
            an id not a UUID  | '{"id": "template-1"}'                             | id must be a UUID
            a merge field without find | '{"id": "00000000-0000-0000-0000-000000000000", "merge": [{"replace": 1}]}' | merge[0].find is required
            an unknown field  | '{"id": "00000000-0000-0000-0000-000000000000", "data": 1}' | data is not a known property
            """)
    void aBadRequestIsNamedByItsField(String problem, String body, String message) {
        RenderTemplateResult result = renderTemplate.render(new RenderTemplateCommand(OWNER, Environment.STAGE,
                json(body), Optional.empty()));

        assertThat(((RenderTemplateResult.Invalid) result).violations().getFirst().message()).isEqualTo(message);
    }

    @Test
    void mergeFieldsThatWouldMakeTheEditLargerThanASubmittedOneAreRefusedNamingMerge() {
        String large = "x".repeat(RenderTemplate.MAX_EDIT_BYTES);

        RenderTemplateResult result = render(OWNER, Environment.STAGE,
                request("[{\"find\": \"LEN\", \"replace\": 2}, {\"find\": \"UNUSED\", \"replace\": \"" + large + "\"}]"));

        assertThat(((RenderTemplateResult.Invalid) result).violations().getFirst().path().text()).isEqualTo("merge");
    }
}
