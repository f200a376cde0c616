package dev.reelforge.core.edit.model;

/** When a clip starts: at a time on the timeline, or right after the previous clip of its track. */
public sealed interface ClipStart {

    record At(double seconds) implements ClipStart {}

    record AfterPrevious() implements ClipStart {}
}
