package dev.reelforge.core.template;

import static dev.reelforge.core.validation.Schemas.anyValue;
import static dev.reelforge.core.validation.Schemas.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.StringSchema;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.util.List;
import java.util.Set;

/**
 * What a template ({@code {"name": …, "template": {edit}}}, the contract's Template) passes before it is saved. Its
 * edit is checked as a render's ({@link EditChecks}) when its own merge fields leave no placeholder in it; when they
 * do, against the contract with each placeholder standing for the value it is rendered with
 * ({@link EditValidator#validateTemplate}), and its callback, if it names one without a placeholder, as a render's.
 * Rendering it checks the merged edit in full, as every render's.
 */
public final class TemplateChecks {

    /** The longest name, in characters: a label, not a document. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final ObjectSchema BODY = object()
            .required("name", new StringSchema(List.of(), null, null, Set.of(), true, MAX_NAME_LENGTH))
            // checked below, with its placeholders standing in
            .required("template", anyValue())
            .build();

    private static final JsonPath TEMPLATE = JsonPath.of("template");

    private final EditValidator validator;
    private final EditChecks editChecks;

    public TemplateChecks(EditValidator validator, CallbackUrlCheck callbackUrlCheck) {
        this(validator, callbackUrlCheck, BucketGrants.NONE);
    }

    /** {@code grants}: the buckets s3 destinations may name, checked as a render's (unless placeholders hold them). */
    public TemplateChecks(EditValidator validator, CallbackUrlCheck callbackUrlCheck, BucketGrants grants) {
        this.validator = validator;
        this.editChecks = new EditChecks(validator, callbackUrlCheck, grants);
    }

    /** What is wrong with the body; empty when it can be saved. */
    public List<Violation> problemsWith(JsonNode body) {
        Violations violations = new Violations();
        if (body == null || !body.isObject()) {
            violations.add(JsonPath.ROOT, "must be a JSON object");
            return violations.list();
        }
        BODY.check(body, JsonPath.ROOT, violations);
        if (!violations.isEmpty()) {
            return violations.list();
        }
        JsonNode edit = body.get("template");
        List<Violation> problems = validator.validateTemplate(edit);
        if (problems.isEmpty()) {
            JsonNode merged = MergeFields.apply(edit);
            problems = EditValidator.hasPlaceholders(merged) ? callbackProblems(merged) : editChecks.problemsWith(edit);
        }
        return problems.stream().map(TemplateChecks::inTemplate).toList();
    }

    /** A callback URL without placeholders is checked now, as a render's; one with them when rendered. */
    private List<Violation> callbackProblems(JsonNode merged) {
        if (EditValidator.holdsPlaceholder(merged.path("callback"))) {
            return List.of();
        }
        return SubmitRender.callbackOf(merged).flatMap(editChecks::callbackRefusal)
                .map(refusal -> List.of(new Violation("callback", refusal))).orElse(List.of());
    }

    private static Violation inTemplate(Violation violation) {
        JsonPath path = violation.path().isRoot() ? TEMPLATE : new JsonPath(TEMPLATE.text() + "." + violation.path().text());
        return new Violation(path, violation.problem());
    }

    static String nameOf(JsonNode body) {
        return body.get("name").textValue();
    }

    static JsonNode editOf(JsonNode body) {
        return body.get("template");
    }
}
