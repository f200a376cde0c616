package dev.reelforge.core.edit.model;

/** How long a clip plays: a number of seconds, its asset's own length, or to the end of the timeline. */
public sealed interface ClipLength {

    record Seconds(double seconds) implements ClipLength {}

    record OfAsset() implements ClipLength {}

    record ToEnd() implements ClipLength {}
}
