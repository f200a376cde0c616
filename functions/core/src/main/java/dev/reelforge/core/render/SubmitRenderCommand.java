package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An owner asks for an edit to be rendered in an environment; {@code edit} is the parsed request body. With an
 * {@code idempotencyKey}, a repeat of the same request within {@link SubmitRender#KEY_LIFETIME} makes no second render.
 * {@code template} names the saved template the edit was made from, recorded with the render.
 */
public record SubmitRenderCommand(String owner, Environment environment, JsonNode edit,
        Optional<IdempotencyKey> idempotencyKey, Optional<UUID> template) {

    public SubmitRenderCommand {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(template, "template");
    }

    public SubmitRenderCommand(String owner, Environment environment, JsonNode edit,
            Optional<IdempotencyKey> idempotencyKey) {
        this(owner, environment, edit, idempotencyKey, Optional.empty());
    }

    public SubmitRenderCommand(String owner, Environment environment, JsonNode edit) {
        this(owner, environment, edit, Optional.empty());
    }
}
