package dev.reelforge.core.render;

import java.util.Optional;

/**
 * What a finished render produced: the temporary URL of its file, of its poster and thumbnail when asked
 * for, its length in seconds (0 for an image) and how long rendering took in milliseconds.
 */
public record RenderResult(String url, Optional<String> poster, Optional<String> thumbnail, double duration,
        double renderTimeMillis) {}
