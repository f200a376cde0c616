package dev.reelforge.core.render;

import java.time.Duration;

/** Fail every unfinished render that has not moved for longer than {@code patience}. */
public record FailStuckRendersCommand(Duration patience) {}
