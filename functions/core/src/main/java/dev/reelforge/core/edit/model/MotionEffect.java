package dev.reelforge.core.edit.model;

/** A motion effect; Slow moves half as far over the clip, Fast twice as far. */
public record MotionEffect(MotionKind kind, Speed speed) {}
