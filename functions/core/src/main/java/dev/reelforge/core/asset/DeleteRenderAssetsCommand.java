package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** An owner deletes every asset of one of its renders, through an environment. */
public record DeleteRenderAssetsCommand(String owner, Environment environment, UUID renderId) {}
