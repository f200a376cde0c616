package dev.reelforge.core.template;

import static dev.reelforge.core.validation.Schemas.object;
import static dev.reelforge.core.validation.Schemas.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.EditSchema;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.render.SubmitRenderCommand;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Renders one of the caller's templates through {@link SubmitRender}, so the edit is checked in full (merge fields
 * applied), its callback and hosting work as for any render, and an idempotency key too. The edit submitted is the
 * template's with its {@code merge} fields combined with the request's: the request's win, so a template's own merge
 * fields are defaults (a field the request gives replaces the template's of the same {@code find}; the others stay,
 * in their order, followed by the request's). The render records the template's id.
 */
public final class RenderTemplate {

    /**
     * The largest edit a template render may submit, in bytes of its compact JSON in UTF-8: the largest body a
     * submitted edit may have (SubmitRenderFunction.MAX_BODY_BYTES), so a render's item fits DynamoDB's as any other.
     */
    public static final int MAX_EDIT_BYTES = 256 * 1024;

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final ObjectSchema BODY = object()
            .required("id", string().matching(UUID_FORMAT, "a UUID"))
            .optional("merge", EditSchema.MERGE)
            .build();

    private final Templates templates;
    private final SubmitRender submitRender;

    public RenderTemplate(Templates templates, SubmitRender submitRender) {
        this.templates = templates;
        this.submitRender = submitRender;
    }

    public RenderTemplateResult render(RenderTemplateCommand command) {
        JsonNode body = command.body();
        Violations violations = new Violations();
        if (body == null || !body.isObject()) {
            violations.add(JsonPath.ROOT, "must be a JSON object");
        } else {
            BODY.check(body, JsonPath.ROOT, violations);
        }
        if (!violations.isEmpty()) {
            return new RenderTemplateResult.Invalid(violations.list());
        }
        UUID id = UUID.fromString(body.get("id").textValue());
        Optional<Template> template = new TemplateLookup(command.owner(), command.environment(), id).in(templates);
        if (template.isEmpty()) {
            return new RenderTemplateResult.NotFound(id);
        }
        JsonNode edit = withMergeFields(template.get().edit(), body.path("merge"));
        long bytes = Json.write(edit).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EDIT_BYTES) {
            return new RenderTemplateResult.Invalid(List.of(new Violation(JsonPath.of("merge"),
                    "would make the template's edit " + bytes + " bytes long, more than the " + MAX_EDIT_BYTES
                            + " allowed")));
        }
        return new RenderTemplateResult.Submitted(submitRender.submit(new SubmitRenderCommand(command.owner(),
                command.environment(), edit, command.idempotencyKey(), Optional.of(id))));
    }

    /** The template's edit with its merge fields and the request's combined, the request's winning. */
    static JsonNode withMergeFields(JsonNode templateEdit, JsonNode requestMerge) {
        if (!requestMerge.isArray() || requestMerge.isEmpty()) {
            return templateEdit;
        }
        Set<String> given = new HashSet<>();
        requestMerge.forEach(field -> given.add(field.path("find").textValue()));
        ObjectNode edit = templateEdit.deepCopy();
        ArrayNode merge = Json.MAPPER.createArrayNode();
        for (JsonNode field : templateEdit.path("merge")) {
            if (!given.contains(field.path("find").textValue())) {
                merge.add(field);
            }
        }
        merge.addAll((ArrayNode) requestMerge);
        edit.set("merge", merge);
        return edit;
    }
}
