package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner asks for one of its renders made in an environment. */
public record GetRenderCommand(String owner, Environment environment, UUID id) {}
