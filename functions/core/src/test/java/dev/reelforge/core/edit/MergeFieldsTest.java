package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void aStringThatIsOnePlaceholderTakesTheReplacementsJsonType() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"a": "{{N}}", "b": "{{ FLAG }}", "c": "{{OBJ}}",
                 "merge": [{"find": "N", "replace": 2.5}, {"find": "FLAG", "replace": true},
                           {"find": "OBJ", "replace": {"x": 1}}]}
                """));

        assertThat(merged.get("a").isNumber()).isTrue();
        assertThat(merged.get("a").asDouble()).isEqualTo(2.5);
        assertThat(merged.get("b").asBoolean()).isTrue();
        assertThat(merged.get("c")).isEqualTo(json("{\"x\": 1}"));
    }

    @Test
    void placeholdersInsideTextAreReplacedAsText() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"t": "Hello {{NAME}}, you are {{AGE}} ({{NAME}})",
                 "merge": [{"find": "NAME", "replace": "Jane"}, {"find": "AGE", "replace": 30}]}
                """));

        assertThat(merged.get("t").asText()).isEqualTo("Hello Jane, you are 30 (Jane)");
    }

    @Test
    void unknownPlaceholdersAndTheMergeArrayStayAsTheyAre() throws Exception {
        JsonNode edit = json("""
                {"t": ["{{UNKNOWN}}", "{{KNOWN}}"], "merge": [{"find": "KNOWN", "replace": "{{KNOWN}}!"}]}
                """);

        JsonNode merged = MergeFields.apply(edit);

        assertThat(merged.get("t").get(0).asText()).isEqualTo("{{UNKNOWN}}");
        assertThat(merged.get("t").get(1).asText()).isEqualTo("{{KNOWN}}!");
        assertThat(merged.get("merge")).isEqualTo(edit.get("merge"));
    }

    @Test
    void theSubmittedDocumentIsNotChanged() throws Exception {
        JsonNode edit = json("{\"t\": \"{{A}}\", \"merge\": [{\"find\": \"A\", \"replace\": 1}]}");
        JsonNode copy = edit.deepCopy();

        MergeFields.apply(edit);

        assertThat(edit).isEqualTo(copy);
    }

    @Test
    void replacementTextWithDollarSignsAndBackslashesIsInsertedLiterally() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"t": "price: {{P}}", "merge": [{"find": "P", "replace": "$1 \\\\ $2"}]}
                """));

        assertThat(merged.get("t").asText()).isEqualTo("price: $1 \\ $2");
    }
}
