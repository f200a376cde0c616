package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A render as a list shows it: everything of {@link Render} but its edit, renditions, project and template. */
public record RenderSummary(UUID id, String owner, Environment environment, RenderStatus status, Instant created,
        Instant updated, Optional<String> error, Optional<RenderResult> result, int encodingPercent) {

    public RenderSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(result, "result");
    }

    /** How far the render has come, 0 to 100 ({@link RenderProgress}). */
    public int progress() {
        return RenderProgress.percent(status, encodingPercent);
    }

    /** Where a list continues after this render. */
    public RenderPosition position() {
        return new RenderPosition(created, id);
    }
}
