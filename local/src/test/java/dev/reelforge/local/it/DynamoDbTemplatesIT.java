package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.dynamodb.DynamoDbTemplates;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.template.DuplicateTemplateException;
import dev.reelforge.core.template.Template;
import dev.reelforge.core.template.TemplateSummary;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates in their table, on DynamoDB Local: kept apart by owner and environment, listed newest first. */
class DynamoDbTemplatesIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private static DynamoDbTemplates templates;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        templates = new DynamoDbTemplates(stack.services().dynamoDb(), stack.tableName("TemplatesTable"));
    }

    private static Template template(String owner, Environment environment, String name, Instant created) {
        return new Template(UUID.randomUUID(), owner, environment, name, Json.parseTrusted("""
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "{{ NAME }}"}, "start": 0,
                 "length": "{{LEN}}"}]}]}, "output": {"format": "mp4"}, "merge": [{"find": "NAME", "replace": "Ü"}]}"""),
                created, created);
    }

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    @Test
    void aTemplateIsReadBackAsItWasStored() {
        Template template = template(owner(), Environment.V1, "Ünïcode name", T0);

        templates.add(template);

        assertThat(templates.find(template.owner(), template.id())).contains(template);
        assertThat(templates.find(owner(), template.id())).as("another owner's partition").isEmpty();
        assertThatThrownBy(() -> templates.add(template)).isInstanceOf(DuplicateTemplateException.class);
    }

    @Test
    void replacingAndRemovingHoldOnlyWithinTheTemplatesEnvironment() {
        Template stage = template(owner(), Environment.STAGE, "Stage", T0);
        templates.add(stage);
        Template asIfV1 = new Template(stage.id(), stage.owner(), Environment.V1, "Hijacked", stage.edit(), T0, T0);

        assertThat(templates.replace(asIfV1)).isFalse();
        assertThat(templates.remove(stage.owner(), Environment.V1, stage.id())).isFalse();
        assertThat(templates.find(stage.owner(), stage.id())).contains(stage);

        Template renamed = stage.revised("Renamed", Json.parseTrusted("{\"a\": 1}"), T0.plusSeconds(5));
        assertThat(templates.replace(renamed)).isTrue();
        assertThat(templates.find(stage.owner(), stage.id())).contains(renamed);
        assertThat(templates.remove(stage.owner(), Environment.STAGE, stage.id())).isTrue();
        assertThat(templates.remove(stage.owner(), Environment.STAGE, stage.id())).isFalse();
        assertThat(templates.replace(renamed)).as("a deleted template is not brought back").isFalse();
        assertThat(templates.find(stage.owner(), stage.id())).isEmpty();
    }

    @Test
    void theListHoldsOneEnvironmentsTemplatesNewestFirstUpToTheLimitAndTheCountAgrees() {
        String owner = owner();
        Template oldest = template(owner, Environment.STAGE, "Oldest", T0);
        Template middle = template(owner, Environment.STAGE, "Middle", T0.plusSeconds(1));
        Template newest = template(owner, Environment.STAGE, "Newest", T0.plusSeconds(2));
        Template production = template(owner, Environment.V1, "Production", T0.plusSeconds(3));
        for (Template template : new Template[] {middle, production, oldest, newest}) {
            templates.add(template);
        }

        assertThat(templates.list(owner, Environment.STAGE, 10)).extracting(TemplateSummary::name)
                .containsExactly("Newest", "Middle", "Oldest");
        assertThat(templates.list(owner, Environment.STAGE, 2)).extracting(TemplateSummary::id)
                .containsExactly(newest.id(), middle.id());
        assertThat(templates.list(owner, Environment.V1, 10)).containsExactly(new TemplateSummary(production.id(),
                "Production", production.created(), production.updated()));
        assertThat(templates.count(owner, Environment.STAGE)).isEqualTo(3);
        assertThat(templates.count(owner, Environment.V1)).isEqualTo(1);
        assertThat(templates.count(owner(), Environment.STAGE)).isZero();
    }
}
