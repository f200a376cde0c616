package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A render task as its owner sees it. {@code edit} is the document exactly as submitted, placeholders
 * and all; {@link dev.reelforge.core.edit.MergeFields} derives the merged form from it. A {@code done}
 * render has a {@code result}, a {@code failed} one an {@code error}: {@value #CANCELLED} when its owner
 * cancelled it.
 */
public record Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
        Instant created, Instant updated, Optional<String> error, Optional<RenderResult> result) {

    /** The error of a render its owner cancelled ({@link CancelRender}). */
    public static final String CANCELLED = "cancelled";

    public Render {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(result, "result");
    }

    /** Whether the render ended because its owner cancelled it. */
    public boolean isCancelled() {
        return status == RenderStatus.FAILED && error.filter(CANCELLED::equals).isPresent();
    }

    public static Render queued(UUID id, String owner, Environment environment, JsonNode edit, Instant now) {
        return new Render(id, owner, environment, RenderStatus.QUEUED, edit, now, now, Optional.empty(), Optional.empty());
    }
}
