package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What every edit passes before it is queued as a render, whoever made it (a Shotstack client, a Picovico project):
 * the contract, then what the renderer supports (merge fields applied), then a callback URL that callbacks can be
 * sent to (a public address).
 */
public final class EditChecks {

    private final EditValidator validator;
    private final CallbackUrlCheck callbackUrlCheck;
    private final EditReader reader = new EditReader();

    public EditChecks(EditValidator validator, CallbackUrlCheck callbackUrlCheck) {
        this.validator = validator;
        this.callbackUrlCheck = callbackUrlCheck;
    }

    /** What is wrong with the edit; empty when it can be rendered. */
    public List<Violation> problemsWith(JsonNode edit) {
        List<Violation> violations = validator.validate(edit);
        if (!violations.isEmpty()) {
            return violations;
        }
        JsonNode merged = MergeFields.apply(edit);
        if (reader.read(merged) instanceof EditReading.Unsupported unsupported) {
            return unsupported.violations();
        }
        return SubmitRender.callbackOf(merged).flatMap(this::callbackRefusal)
                .map(refusal -> List.of(new Violation("callback", refusal))).orElse(List.of());
    }

    /** Why callbacks could never be sent to {@code url}; empty when they can. */
    public Optional<String> callbackRefusal(URI url) {
        return callbackUrlCheck.refusal(url);
    }
}
