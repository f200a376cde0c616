package dev.reelforge.core.edit.model;

/**
 * When a clip starts: at a time on the timeline, right after the previous clip of its track, or when the clip of
 * another {@code alias} starts ({@code alias://name}).
 */
public sealed interface ClipStart {

    record At(double seconds) implements ClipStart {}

    record AfterPrevious() implements ClipStart {}

    record OfAlias(String alias) implements ClipStart {}
}
