package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.util.List;

/**
 * Checks a submitted edit against the Edit schema. Merge fields are checked first and applied, and the
 * merged document is what must be valid: a placeholder may stand where a number is required. Merge fields
 * that would make the edit larger than {@link MergeFields#MAX_MERGED_BYTES} are a violation of {@code merge},
 * found before anything is merged.
 */
public final class EditValidator {

    public List<Violation> validate(JsonNode edit) {
        Violations violations = new Violations();
        if (!edit.isObject()) {
            violations.add(JsonPath.ROOT, "must be a JSON object");
            return violations.list();
        }
        JsonNode merge = edit.get("merge");
        if (merge != null && !merge.isNull()) {
            EditSchema.MERGE.check(merge, JsonPath.of("merge"), violations);
            if (!violations.isEmpty()) {
                return violations.list();
            }
        }
        switch (MergeFields.merge(edit)) {
            case MergeFields.Merging.Merged merged -> EditSchema.EDIT.check(merged.edit(), JsonPath.ROOT, violations);
            case MergeFields.Merging.TooLarge tooLarge -> violations.add(JsonPath.of("merge"), tooLarge.problem());
        }
        return violations.list();
    }
}
