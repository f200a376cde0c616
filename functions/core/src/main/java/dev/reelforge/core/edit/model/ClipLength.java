package dev.reelforge.core.edit.model;

/**
 * How long a clip plays: a number of seconds, its asset's own length, to the end of the timeline, or as long as the
 * clip of another {@code alias} ({@code alias://name}).
 */
public sealed interface ClipLength {

    record Seconds(double seconds) implements ClipLength {}

    record OfAsset() implements ClipLength {}

    record ToEnd() implements ClipLength {}

    record OfAlias(String alias) implements ClipLength {}
}
