package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A render task as its owner sees it. {@code edit} is the document exactly as submitted, placeholders
 * and all; {@link dev.reelforge.core.edit.MergeFields} derives the merged form from it. A {@code done}
 * render has a {@code result}, a {@code failed} one an {@code error}: {@value #CANCELLED} when its owner
 * cancelled it.
 *
 * <p>A face may ask for more than the edit says: {@code renditions}, further sizes of the video made by the same
 * encoding job, and {@code project}, the id of the Picovico project the render makes (its owner's, in its
 * environment), whose status follows the render's. {@code template} is the id of the saved template the edit was made
 * from ({@link dev.reelforge.core.template.RenderTemplate}), if it was. {@code encodingPercent} is what its encoding
 * job last reported of itself (0 to 100, never lowered); {@link #progress()} is the render's as a whole.
 */
public record Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
        Instant created, Instant updated, Optional<String> error, Optional<RenderResult> result,
        List<Rendition> renditions, Optional<String> project, Optional<UUID> template, int encodingPercent) {

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
        renditions = List.copyOf(renditions);
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(template, "template");
        encodingPercent = Math.clamp(encodingPercent, 0, 100);
    }

    /** A render whose encoding job has reported nothing yet. */
    public Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
            Instant created, Instant updated, Optional<String> error, Optional<RenderResult> result,
            List<Rendition> renditions, Optional<String> project, Optional<UUID> template) {
        this(id, owner, environment, status, edit, created, updated, error, result, renditions, project, template, 0);
    }

    /** A render not made from a template. */
    public Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
            Instant created, Instant updated, Optional<String> error, Optional<RenderResult> result,
            List<Rendition> renditions, Optional<String> project) {
        this(id, owner, environment, status, edit, created, updated, error, result, renditions, project,
                Optional.empty());
    }

    /** A render of an edit alone: no renditions, no project. */
    public Render(UUID id, String owner, Environment environment, RenderStatus status, JsonNode edit,
            Instant created, Instant updated, Optional<String> error, Optional<RenderResult> result) {
        this(id, owner, environment, status, edit, created, updated, error, result, List.of(), Optional.empty());
    }

    /** How far the render has come, 0 to 100, never lower than at an earlier read ({@link RenderProgress}). */
    public int progress() {
        return RenderProgress.percent(status, encodingPercent);
    }

    /** Whether the render ended because its owner cancelled it. */
    public boolean isCancelled() {
        return status == RenderStatus.FAILED && error.filter(CANCELLED::equals).isPresent();
    }

    public static Render queued(UUID id, String owner, Environment environment, JsonNode edit, Instant now) {
        return new Render(id, owner, environment, RenderStatus.QUEUED, edit, now, now, Optional.empty(), Optional.empty());
    }

    /** A queued render of an edit, made from the saved template {@code template} if present. */
    public static Render queued(UUID id, String owner, Environment environment, JsonNode edit, Optional<UUID> template,
            Instant now) {
        return new Render(id, owner, environment, RenderStatus.QUEUED, edit, now, now, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), template);
    }

    /** A queued render of a Picovico project, with the renditions its quality calls for. */
    public static Render queuedForProject(UUID id, String owner, Environment environment, JsonNode edit,
            List<Rendition> renditions, String project, Instant now) {
        return new Render(id, owner, environment, RenderStatus.QUEUED, edit, now, now, Optional.empty(),
                Optional.empty(), renditions, Optional.of(project));
    }
}
