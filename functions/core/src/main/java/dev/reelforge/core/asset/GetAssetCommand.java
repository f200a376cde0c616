package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner asks for one of its assets, through an environment. */
public record GetAssetCommand(String owner, Environment environment, UUID id) {}
