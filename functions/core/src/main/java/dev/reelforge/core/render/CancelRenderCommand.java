package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner cancels one of its renders made in an environment. */
public record CancelRenderCommand(String owner, Environment environment, UUID id) {}
