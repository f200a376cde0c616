package dev.reelforge.core.asset;

import java.time.Duration;

/** Fail every asset still importing that has not moved for longer than {@code patience}. */
public record FailStuckAssetsCommand(Duration patience) {}
