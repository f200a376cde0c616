package dev.reelforge.core.edit.model;

/** A clip's way in or out. {@code zoom} has no speed variants. */
public record Transition(TransitionKind kind, Speed speed) {

    /** A normal transition takes one second; Slow twice that, Fast half. */
    public double seconds() {
        return speed.durationFactor();
    }
}
