package dev.reelforge.core.edit.model;

/** A renderable edit. */
public record Edit(Timeline timeline, Output output) {}
