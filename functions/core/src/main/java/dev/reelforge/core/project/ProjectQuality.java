package dev.reelforge.core.project;

import java.util.Arrays;
import java.util.Optional;

/**
 * Picovico's qualities: the height of the video in pixels (16:9), what a render at that quality costs in credits,
 * and the renditions it yields (every quality up to the chosen one).
 */
public enum ProjectQuality {
    Q360(360, 640, 40),
    Q480(480, 854, 50),
    Q720(720, 1280, 70);

    private final int height;
    private final int width;
    private final int credits;

    ProjectQuality(int height, int width, int credits) {
        this.height = height;
        this.width = width;
        this.credits = credits;
    }

    public static final ProjectQuality DEFAULT = Q360;

    public static Optional<ProjectQuality> ofHeight(int height) {
        return Arrays.stream(values()).filter(quality -> quality.height == height).findFirst();
    }

    public int height() {
        return height;
    }

    /** 16:9 rounded to an even number, as encoders need. */
    public int width() {
        return width;
    }

    public int credits() {
        return credits;
    }
}
