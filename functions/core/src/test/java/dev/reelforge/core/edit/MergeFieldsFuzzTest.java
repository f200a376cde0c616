package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Merge fields under coverage-guided fuzzing. The input is a JSON document (any text at all, to the scanner).
 * Properties: merging never throws; it gives a document whose JSON is at most {@link MergeFields#MAX_MERGED_BYTES}
 * and at most the size computed beforehand (exactly it, for text without unpaired surrogates), or refuses with
 * a size over the bound; the scanner finds exactly what the former pattern found, on texts short enough for it.
 * Corpus: {@code MergeFieldsFuzzTestInputs/mergeFields} in the test resources, run by every build.
 */
class MergeFieldsFuzzTest {

    /** The former pattern takes cubic time: compare only texts it reads in well under a millisecond. */
    private static final int ORACLE_MAX_LENGTH = 200;

    @FuzzTest
    void mergeFields(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        agreesWithTheFormerPattern(text);
        if (!(JsonDocument.parse(text) instanceof JsonDocument.Parsed parsed) || !parsed.tree().isObject()) {
            return;
        }
        JsonNode edit = parsed.tree();
        JsonNode before = edit.deepCopy();
        for (String value : textsIn(edit)) {
            agreesWithTheFormerPattern(value);
        }
        switch (MergeFields.merge(edit)) {
            case MergeFields.Merging.Merged merged -> {
                String written = Json.write(merged.edit());
                long bytes = written.getBytes(StandardCharsets.UTF_8).length;
                assertThat(Json.parseTrusted(written)).isEqualTo(merged.edit());
                if (merged.edit() != edit) {
                    assertThat(bytes).isLessThanOrEqualTo(MergeFields.MAX_MERGED_BYTES);
                    long computed = MergeFields.mergedSize(edit);
                    if (written.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
                        assertThat(bytes).isLessThanOrEqualTo(computed);
                    } else {
                        assertThat(bytes).isEqualTo(computed);
                    }
                }
            }
            case MergeFields.Merging.TooLarge tooLarge ->
                    assertThat(tooLarge.bytes()).isGreaterThan(MergeFields.MAX_MERGED_BYTES);
        }
        assertThat(edit).as("the submitted document is left as it was").isEqualTo(before);
    }

    private static void agreesWithTheFormerPattern(String text) {
        if (text.length() <= ORACLE_MAX_LENGTH) {
            assertThat(Placeholders.in(text)).as(text).isEqualTo(FormerPlaceholderPattern.in(text));
        }
    }

    private static List<String> textsIn(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.forEach(child -> collect(child, texts));
    }
}
