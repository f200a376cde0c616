package dev.reelforge.core.asset;

import java.time.Duration;

/** Fail every asset still importing that has not moved for longer than {@code patience}; finish overdue removals. */
public record SweepStuckAssetsCommand(Duration patience) {}
