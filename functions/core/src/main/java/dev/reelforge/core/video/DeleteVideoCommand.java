package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner deletes one of its videos, through an environment. */
public record DeleteVideoCommand(String owner, Environment environment, UUID id) {}
