package dev.reelforge.shotstack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.template.Template;
import dev.reelforge.core.template.TemplateSummary;
import java.util.List;
import java.util.UUID;

/** The template resources of the Edit API: the contract's TemplateResponseData, TemplateDataResponseData and list. */
public final class TemplateJson {

    private TemplateJson() {}

    public static ObjectNode created(UUID id) {
        return Json.object().put("message", "Template Successfully Created").put("id", id.toString());
    }

    public static ObjectNode updated(UUID id) {
        return Json.object().put("message", "Template Successfully Updated").put("id", id.toString());
    }

    public static ObjectNode of(Template template) {
        ObjectNode response = Json.object()
                .put("id", template.id().toString())
                .put("name", template.name())
                .put("owner", template.owner());
        response.set("template", template.edit());
        return response;
    }

    public static ObjectNode list(String owner, List<TemplateSummary> templates) {
        ObjectNode response = Json.object().put("owner", owner);
        ArrayNode items = response.putArray("templates");
        for (TemplateSummary template : templates) {
            items.addObject()
                    .put("id", template.id().toString())
                    .put("name", template.name())
                    .put("created", RenderJson.timestamp(template.created()))
                    .put("updated", RenderJson.timestamp(template.updated()));
        }
        return response;
    }
}
