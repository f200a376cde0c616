package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a submit does with a body before storing it, under coverage-guided fuzzing: parse, validate against the
 * Edit schema (merge fields applied), read what the renderer supports, find the callback. Properties: it
 * terminates (./reelforge fuzz reports an input running 30 s as a finding); nothing throws; the violations are at most
 * {@link Violations#MAX_REPORTED}, each naming a path and a problem; a valid edit reads as renderable or
 * unsupported. Corpus: {@code EditValidatorFuzzTestInputs/validateEdit} in the test resources, run by every build.
 */
class EditValidatorFuzzTest {

    private final EditValidator validator = new EditValidator();
    private final EditReader reader = new EditReader();

    @FuzzTest
    void validateEdit(byte[] input) {
        if (!(JsonDocument.parse(new String(input, StandardCharsets.UTF_8)) instanceof JsonDocument.Parsed parsed)) {
            return;
        }
        JsonNode edit = parsed.tree();

        List<Violation> violations = validator.validate(edit);

        assertThat(violations).hasSizeLessThanOrEqualTo(Violations.MAX_REPORTED);
        for (Violation violation : violations) {
            assertThat(violation.problem()).isNotBlank();
            assertThat(violation.message()).startsWith(violation.path().toString() + " ");
            assertThat(Json.parseTrusted(Json.write(Json.object().put("response", violation.message()))))
                    .isNotNull();
        }
        if (violations.isEmpty()) {
            JsonNode merged = MergeFields.apply(edit);
            assertThat(reader.read(merged)).isInstanceOfAny(EditReading.Renderable.class,
                    EditReading.Unsupported.class);
            SubmitRender.callbackOf(merged);
        }
    }
}
