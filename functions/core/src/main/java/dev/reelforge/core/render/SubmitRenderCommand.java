package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;

/** An owner asks for an edit to be rendered in an environment; {@code edit} is the parsed request body. */
public record SubmitRenderCommand(String owner, Environment environment, JsonNode edit) {}
