package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.S3Destination;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.validation.JsonPath;
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
    private final BucketGrants grants;
    private final EditReader reader = new EditReader();

    /** Checks for a place that grants no buckets: every s3 destination is refused. */
    public EditChecks(EditValidator validator, CallbackUrlCheck callbackUrlCheck) {
        this(validator, callbackUrlCheck, BucketGrants.NONE);
    }

    public EditChecks(EditValidator validator, CallbackUrlCheck callbackUrlCheck, BucketGrants grants) {
        this.validator = validator;
        this.callbackUrlCheck = callbackUrlCheck;
        this.grants = grants;
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
        List<Violation> ungranted = S3Destination.of(merged).stream()
                .filter(destination -> !grants.grants(destination.bucket()))
                .map(destination -> new Violation(JsonPath.of("output").property("destinations")
                        .index(destination.index()).property("options").property("bucket"),
                        BucketGrants.notGranted(destination.bucket())))
                .toList();
        if (!ungranted.isEmpty()) {
            return ungranted;
        }
        return SubmitRender.callbackOf(merged).flatMap(this::callbackRefusal)
                .map(refusal -> List.of(new Violation("callback", refusal))).orElse(List.of());
    }

    /** Why callbacks could never be sent to {@code url}; empty when they can. */
    public Optional<String> callbackRefusal(URI url) {
        return callbackUrlCheck.refusal(url);
    }
}
