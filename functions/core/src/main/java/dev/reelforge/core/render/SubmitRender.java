package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks an edit completely (against the contract, then against what the renderer supports) and, if it
 * can be rendered, stores it as a queued render. A {@code callback} URL must be one callbacks can be sent to
 * (a public address): one that could never be called is refused now rather than dead-lettered later.
 */
public final class SubmitRender {

    private final Renders renders;
    private final EditValidator validator;
    private final CallbackUrlCheck callbackUrlCheck;
    private final EditReader reader = new EditReader();
    private final Clock clock;
    private final Supplier<UUID> newId;

    public SubmitRender(Renders renders, EditValidator validator, CallbackUrlCheck callbackUrlCheck, Clock clock,
            Supplier<UUID> newId) {
        this.renders = renders;
        this.validator = validator;
        this.callbackUrlCheck = callbackUrlCheck;
        this.clock = clock;
        this.newId = newId;
    }

    public SubmitRenderResult submit(SubmitRenderCommand command) {
        List<Violation> violations = validator.validate(command.edit());
        if (!violations.isEmpty()) {
            return new SubmitRenderResult.Invalid(violations);
        }
        JsonNode merged = MergeFields.apply(command.edit());
        if (reader.read(merged) instanceof EditReading.Unsupported unsupported) {
            return new SubmitRenderResult.Invalid(unsupported.violations());
        }
        Optional<String> callbackRefusal = callbackOf(merged).flatMap(callbackUrlCheck::refusal);
        if (callbackRefusal.isPresent()) {
            return new SubmitRenderResult.Invalid(List.of(new Violation("callback", callbackRefusal.get())));
        }
        Render render = Render.queued(newId.get(), command.owner(), command.environment(), command.edit(),
                clock.instant());
        renders.add(render);
        return new SubmitRenderResult.Queued(render.id());
    }

    /** The edit's callback URL (merge fields applied), which the contract has already checked is a URL. */
    public static Optional<URI> callbackOf(JsonNode merged) {
        JsonNode callback = merged.path("callback");
        return callback.isTextual() && !callback.asText().isBlank() ? Optional.of(URI.create(callback.asText()))
                : Optional.empty();
    }
}
