package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner asks for an edit to be rendered in an environment; {@code edit} is the parsed request body. With an
 * {@code idempotencyKey}, a repeat of the same request within {@link SubmitRender#KEY_LIFETIME} makes no second render.
 */
public record SubmitRenderCommand(String owner, Environment environment, JsonNode edit,
        Optional<IdempotencyKey> idempotencyKey) {

    public SubmitRenderCommand {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public SubmitRenderCommand(String owner, Environment environment, JsonNode edit) {
        this(owner, environment, edit, Optional.empty());
    }
}
