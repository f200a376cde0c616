package dev.reelforge.core.plan;

/**
 * A luma matte over a picture layer during {@code timing} (output time, inside the layer's): the source's
 * greyscale, scaled to the layer's picture, makes it transparent where white and leaves it as it is where black
 * (Shotstack's luma: "white is fully transparent, black is opaque"). A video matte plays from {@code trim} and
 * holds its last frame if it ends first; a still matte ({@code still}) stays.
 */
public record Matte(Timing timing, SourceFile source, double trim, boolean still) {}
