package dev.reelforge.core.edit.model;

import java.util.Arrays;
import java.util.Optional;

/** The transitions Reelforge renders; the contract's others are refused at submit. */
public enum TransitionKind {
    FADE("fade"),
    WIPE_LEFT("wipeLeft"),
    WIPE_RIGHT("wipeRight"),
    SLIDE_LEFT("slideLeft"),
    SLIDE_RIGHT("slideRight"),
    SLIDE_UP("slideUp"),
    SLIDE_DOWN("slideDown"),
    ZOOM("zoom");

    private final String wireName;

    TransitionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TransitionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
