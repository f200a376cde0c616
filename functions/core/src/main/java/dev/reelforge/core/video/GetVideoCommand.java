package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner reads one of its videos, through an environment. */
public record GetVideoCommand(String owner, Environment environment, UUID id) {}
