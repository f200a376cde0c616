package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.StandIns;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.util.List;

/**
 * Checks a submitted edit against the Edit schema. Merge fields are checked first and applied, and the
 * merged document is what must be valid: a placeholder may stand where a number is required. Merge fields
 * that would make the edit larger than {@link MergeFields#MAX_MERGED_BYTES} are a violation of {@code merge},
 * found before anything is merged.
 *
 * <p>A saved template's edit ({@link #validateTemplate}) is checked the same way, except that a placeholder its own
 * merge fields leave in place stands for a value it is given when rendered: a string that is one placeholder
 * ({@code "length": "{{LEN}}"}) may stand for any value, and a string holding one inside longer text
 * ({@code "src": "https://{{HOST}}/a.mp4"}) for any string. Everything else is checked as for a render; the
 * render checks the merged edit in full.
 */
public final class EditValidator {

    /** Placeholders standing in for the values a template is rendered with. */
    private static final StandIns PLACEHOLDERS = new StandIns() {
        @Override
        public boolean standsForAnyValue(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            List<Placeholders.Placeholder> placeholders = Placeholders.in(value.textValue());
            return placeholders.size() == 1 && placeholders.getFirst().start() == 0
                    && placeholders.getFirst().end() == value.textValue().length();
        }

        @Override
        public boolean holdsStandIn(String text) {
            return !Placeholders.in(text).isEmpty();
        }
    };

    public List<Violation> validate(JsonNode edit) {
        return validate(edit, StandIns.NONE);
    }

    /** What is wrong with a template's edit, its remaining placeholders standing for values to come. */
    public List<Violation> validateTemplate(JsonNode edit) {
        return validate(edit, PLACEHOLDERS);
    }

    /** Whether any string of {@code edit} (outside its {@code merge} fields) holds a placeholder. */
    public static boolean hasPlaceholders(JsonNode edit) {
        for (var property : edit.properties()) {
            if (!property.getKey().equals("merge") && holdsPlaceholder(property.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any string in {@code node} holds a placeholder. */
    public static boolean holdsPlaceholder(JsonNode node) {
        if (node.isTextual()) {
            return PLACEHOLDERS.holdsStandIn(node.textValue());
        }
        for (JsonNode child : node) {
            if (holdsPlaceholder(child)) {
                return true;
            }
        }
        return false;
    }

    private List<Violation> validate(JsonNode edit, StandIns standIns) {
        Violations violations = new Violations(standIns);
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
