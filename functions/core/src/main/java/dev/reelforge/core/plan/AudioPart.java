package dev.reelforge.core.plan;

/**
 * A sound on the output timeline: {@code length} seconds of the source from {@code trim}, played at
 * {@code speed} and {@code volume}, fading in and out over the given seconds (0 for none).
 */
public record AudioPart(Timing timing, SourceFile source, double trim, double speed, double volume,
        double fadeInSeconds, double fadeOutSeconds) {}
