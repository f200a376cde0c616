package dev.reelforge.core.render;

/**
 * A render's progress as one percentage, from its status and what its encoding job reports of itself. Each status
 * has a band of its own, in the order of the statuses, and within {@code rendering} and {@code saving} the job's
 * percentage (which the store only ever raises) moves the value through the band; so, as a status only moves forward,
 * the percentage never goes down between two reads. A finished render is at 100, done or failed: nothing more will
 * happen to it. Fetching and composing report no finer progress, so they hold the start of their band.
 *
 * <pre>
 * queued 0 · fetching 5 · rendering 10..90 (composing at 10, then the job's 0..100) · saving 90..99 · done, failed 100
 * </pre>
 */
public final class RenderProgress {

    static final int FETCHING = 5;
    static final int RENDERING = 10;
    static final int SAVING = 90;
    static final int FINISHED = 100;

    private RenderProgress() {}

    /** @param encodingPercent what the encoding job last reported, 0 to 100 (0 before it has reported) */
    public static int percent(RenderStatus status, int encodingPercent) {
        int job = Math.clamp(encodingPercent, 0, 100);
        return switch (status) {
            case QUEUED -> 0;
            case FETCHING -> FETCHING;
            case RENDERING -> RENDERING + job * (SAVING - RENDERING) / 100;
            case SAVING -> SAVING + job * (FINISHED - 1 - SAVING) / 100;
            case DONE, FAILED -> FINISHED;
        };
    }
}
