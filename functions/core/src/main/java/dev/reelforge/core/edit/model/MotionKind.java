package dev.reelforge.core.edit.model;

import java.util.Arrays;
import java.util.Optional;

/** Ken Burns style movement of a clip over its whole length. */
public enum MotionKind {
    ZOOM_IN("zoomIn"),
    ZOOM_OUT("zoomOut"),
    SLIDE_LEFT("slideLeft"),
    SLIDE_RIGHT("slideRight"),
    SLIDE_UP("slideUp"),
    SLIDE_DOWN("slideDown");

    private final String wireName;

    MotionKind(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<MotionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
