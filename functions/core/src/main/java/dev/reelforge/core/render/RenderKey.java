package dev.reelforge.core.render;

import java.util.UUID;

/** Names one render: its owner and id. */
public record RenderKey(String owner, UUID id) {}
