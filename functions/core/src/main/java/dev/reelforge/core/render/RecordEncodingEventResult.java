package dev.reelforge.core.render;

public sealed interface RecordEncodingEventResult {

    /** The render moved on (progress, saving, done or failed). */
    record Recorded(RenderStatus status) implements RecordEncodingEventResult {}

    /** The event changes nothing: a duplicate, a late one, or one of a job that is not the render's. */
    record Ignored(String reason) implements RecordEncodingEventResult {}
}
