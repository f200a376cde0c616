package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.template.CreateTemplate;
import dev.reelforge.core.template.SaveTemplateResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.TemplateJson;

/** How the template routes answer what saving a template gave. */
final class TemplateResponses {

    /** The largest template body: the largest edit a render may be submitted with, and a name. */
    static final int MAX_BODY_BYTES = SubmitRenderFunction.MAX_BODY_BYTES;

    private TemplateResponses() {}

    static APIGatewayProxyResponseEvent saved(SaveTemplateResult result, boolean created) {
        return switch (result) {
            case SaveTemplateResult.Saved saved -> created ? ShotstackResponses.created(TemplateJson.created(saved.id()))
                    : ShotstackResponses.ok(TemplateJson.updated(saved.id()));
            case SaveTemplateResult.Invalid invalid -> ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
            case SaveTemplateResult.TooMany tooMany -> ShotstackResponses.problem(Problem.conflict(JsonPath.ROOT,
                    "would be a template too many: an owner keeps at most " + CreateTemplate.MAX_TEMPLATES
                            + " per API version; delete one first"));
            case SaveTemplateResult.NotFound notFound -> notFound();
        };
    }

    static APIGatewayProxyResponseEvent notFound() {
        return ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no template"));
    }
}
