package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.util.List;

/**
 * Checks a submitted edit against the Edit schema. Merge fields are checked first and applied, and the
 * merged document is what must be valid: a placeholder may stand where a number is required.
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
        EditSchema.EDIT.check(MergeFields.apply(edit), JsonPath.ROOT, violations);
        return violations.list();
    }
}
