package dev.reelforge.core.asset;

import java.util.UUID;

/** Names one asset: its owner and id. */
public record AssetKey(String owner, UUID id) {}
