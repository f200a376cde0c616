package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner deletes one of its assets, through an environment. */
public record DeleteAssetCommand(String owner, Environment environment, UUID id) {}
