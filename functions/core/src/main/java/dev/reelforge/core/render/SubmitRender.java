package dev.reelforge.core.render;

import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.validation.Violation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks an edit completely (against the contract, then against what the renderer supports) and, if it
 * can be rendered, stores it as a queued render.
 */
public final class SubmitRender {

    private final Renders renders;
    private final EditValidator validator;
    private final EditReader reader = new EditReader();
    private final Clock clock;
    private final Supplier<UUID> newId;

    public SubmitRender(Renders renders, EditValidator validator, Clock clock, Supplier<UUID> newId) {
        this.renders = renders;
        this.validator = validator;
        this.clock = clock;
        this.newId = newId;
    }

    public SubmitRenderResult submit(SubmitRenderCommand command) {
        List<Violation> violations = validator.validate(command.edit());
        if (!violations.isEmpty()) {
            return new SubmitRenderResult.Invalid(violations);
        }
        if (reader.read(MergeFields.apply(command.edit())) instanceof EditReading.Unsupported unsupported) {
            return new SubmitRenderResult.Invalid(unsupported.violations());
        }
        Render render = Render.queued(newId.get(), command.owner(), command.environment(), command.edit(),
                clock.instant());
        renders.add(render);
        return new SubmitRenderResult.Queued(render.id());
    }
}
