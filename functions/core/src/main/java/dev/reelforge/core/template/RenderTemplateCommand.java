package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.render.IdempotencyKey;
import java.util.Optional;

/**
 * An owner asks for one of its templates to be rendered in an environment; {@code body} is the parsed request body
 * (the contract's TemplateRender: {@code id} and optional {@code merge} fields). An {@code idempotencyKey} works as for
 * a submitted edit.
 */
public record RenderTemplateCommand(String owner, Environment environment, JsonNode body,
        Optional<IdempotencyKey> idempotencyKey) {}
