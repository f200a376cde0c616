package dev.reelforge.core.pipeline;

/**
 * Asked now and then by long work (ffmpeg composing a render) whether to give up, because the render it is for has
 * finished meanwhile (its owner cancelled it). Each answer may cost a read of the render, so the work asks at most
 * about once a second.
 */
@FunctionalInterface
public interface StopCheck {

    /** For work that is never stopped early. */
    StopCheck NEVER = () -> false;

    boolean stopRequested();
}
