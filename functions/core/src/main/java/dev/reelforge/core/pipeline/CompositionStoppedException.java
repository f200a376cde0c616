package dev.reelforge.core.pipeline;

/** The composer gave up because its {@link StopCheck} asked it to; its ffmpeg was ended and nothing was written. */
public final class CompositionStoppedException extends RuntimeException {

    public CompositionStoppedException(String message) {
        super(message);
    }
}
