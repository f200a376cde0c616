package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner asks for the assets of one of its renders, through an environment. */
public record GetRenderAssetsCommand(String owner, Environment environment, UUID renderId) {}
