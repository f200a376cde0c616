package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A render task as its owner sees it. {@code edit} is the document exactly as submitted, placeholders
 * and all; {@link dev.reelforge.core.edit.MergeFields} derives the merged form from it.
 */
public record Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
        Instant created, Instant updated) {

    public Render {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    public static Render queued(UUID id, String owner, Environment environment, JsonNode edit, Instant now) {
        return new Render(id, owner, environment, RenderStatus.QUEUED, edit, now, now);
    }
}
