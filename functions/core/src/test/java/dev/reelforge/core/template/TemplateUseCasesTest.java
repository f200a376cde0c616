package dev.reelforge.core.template;

import static dev.reelforge.core.template.TemplateChecksTest.EDIT;
import static dev.reelforge.core.template.TemplateChecksTest.body;
import static dev.reelforge.core.template.TemplateChecksTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.EditValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saving, reading, listing, changing and deleting templates: each owner's, in each environment, apart. */
class TemplateUseCasesTest {

    private static final String OWNER = "owner-1";

    private final StepClock clock = new StepClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final TemplateChecks checks = new TemplateChecks(new EditValidator(), url -> Optional.empty());
    private final CreateTemplate create = new CreateTemplate(templates, checks, clock, UUID::randomUUID);
    private final UpdateTemplate update = new UpdateTemplate(templates, checks, clock);
    private final GetTemplate get = new GetTemplate(templates);
    private final ListTemplates list = new ListTemplates(templates);
    private final DeleteTemplate delete = new DeleteTemplate(templates);

    /** A clock that moves on a second each time it is read. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private UUID saved(String owner, Environment environment, String name) {
        SaveTemplateResult result = create.create(new CreateTemplateCommand(owner, environment,
                json(body("\"" + name + "\"", EDIT.replace("\"Hi\"", "\"{{GREETING}}\"")))));
        assertThat(result).isInstanceOf(SaveTemplateResult.Saved.class);
        return ((SaveTemplateResult.Saved) result).id();
    }

    @Test
    void aSavedTemplateIsReadBackAsSavedPlaceholdersAndAll() {
        UUID id = saved(OWNER, Environment.STAGE, "Greeting");

        Template template = get.get(new TemplateLookup(OWNER, Environment.STAGE, id)).orElseThrow();

        assertThat(template.name()).isEqualTo("Greeting");
        assertThat(template.owner()).isEqualTo(OWNER);
        assertThat(template.edit()).isEqualTo(json(EDIT.replace("\"Hi\"", "\"{{GREETING}}\"")));
        assertThat(template.updated()).isEqualTo(template.created());
    }

    @Test
    void anotherOwnersOrEnvironmentsTemplateIsNotFoundForAnything() {
        UUID id = saved(OWNER, Environment.STAGE, "Mine");

        for (TemplateLookup stranger : new TemplateLookup[] {new TemplateLookup("owner-2", Environment.STAGE, id),
                new TemplateLookup(OWNER, Environment.V1, id)}) {
            assertThat(get.get(stranger)).isEmpty();
            assertThat(update.update(new UpdateTemplateCommand(stranger, json(body("\"Theirs\"", EDIT)))))
                    .isEqualTo(new SaveTemplateResult.NotFound(id));
            assertThat(delete.delete(stranger)).isFalse();
        }
        assertThat(get.get(new TemplateLookup(OWNER, Environment.STAGE, id)).orElseThrow().name()).isEqualTo("Mine");
    }

    @Test
    void theListHoldsTheCallersTemplatesOfTheEnvironmentNewestFirst() {
        UUID first = saved(OWNER, Environment.STAGE, "First");
        saved(OWNER, Environment.V1, "Production");
        saved("owner-2", Environment.STAGE, "Someone else's");
        UUID second = saved(OWNER, Environment.STAGE, "Second");

        assertThat(list.list(new ListTemplatesCommand(OWNER, Environment.STAGE)))
                .extracting(TemplateSummary::id).containsExactly(second, first);
    }

    @Test
    void anUpdateReplacesNameAndEditAndMovesUpdatedOnly() {
        UUID id = saved(OWNER, Environment.STAGE, "Before");
        Template before = get.get(new TemplateLookup(OWNER, Environment.STAGE, id)).orElseThrow();

        SaveTemplateResult result = update.update(new UpdateTemplateCommand(
                new TemplateLookup(OWNER, Environment.STAGE, id), json(body("\"After\"", EDIT))));

        assertThat(result).isEqualTo(new SaveTemplateResult.Saved(id));
        Template after = get.get(new TemplateLookup(OWNER, Environment.STAGE, id)).orElseThrow();
        assertThat(after.name()).isEqualTo("After");
        assertThat(after.edit()).isEqualTo(json(EDIT));
        assertThat(after.created()).isEqualTo(before.created());
        assertThat(after.updated()).isAfter(before.updated());
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        UUID id = saved(OWNER, Environment.STAGE, "Kept");

        SaveTemplateResult result = update.update(new UpdateTemplateCommand(
                new TemplateLookup(OWNER, Environment.STAGE, id), json("{\"name\": \"Lost\"}")));

        assertThat(result).isInstanceOf(SaveTemplateResult.Invalid.class);
        assertThat(get.get(new TemplateLookup(OWNER, Environment.STAGE, id)).orElseThrow().name()).isEqualTo("Kept");
    }

    @Test
    void aDeletedTemplateIsGoneAndDeletingItAgainFindsNothing() {
        UUID id = saved(OWNER, Environment.STAGE, "Doomed");
        TemplateLookup lookup = new TemplateLookup(OWNER, Environment.STAGE, id);

        assertThat(delete.delete(lookup)).isTrue();
        assertThat(get.get(lookup)).isEmpty();
        assertThat(delete.delete(lookup)).isFalse();
    }

    @Test
    void anOwnerKeepsAtMostTheBoundOfTemplatesPerEnvironment() {
        for (int i = 0; i < CreateTemplate.MAX_TEMPLATES; i++) {
            saved(OWNER, Environment.STAGE, "T" + i);
        }

        assertThat(create.create(new CreateTemplateCommand(OWNER, Environment.STAGE, json(body("\"One more\"", EDIT)))))
                .isEqualTo(new SaveTemplateResult.TooMany(CreateTemplate.MAX_TEMPLATES));
        assertThat(create.create(new CreateTemplateCommand(OWNER, Environment.V1, json(body("\"Elsewhere\"", EDIT)))))
                .isInstanceOf(SaveTemplateResult.Saved.class);
    }
}
