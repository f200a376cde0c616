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
    ZOOM("zoom"),
    REVEAL("reveal"),
    CAROUSEL_LEFT("carouselLeft"),
    CAROUSEL_RIGHT("carouselRight"),
    CAROUSEL_UP("carouselUp"),
    CAROUSEL_DOWN("carouselDown");

    private final String wireName;

    TransitionKind(String wireName) {
        this.wireName = wireName;
    }

    /** Carousels slide the layer across the whole frame instead of fading it. */
    public boolean isCarousel() {
        return this == CAROUSEL_LEFT || this == CAROUSEL_RIGHT || this == CAROUSEL_UP || this == CAROUSEL_DOWN;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TransitionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
