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
    CAROUSEL_DOWN("carouselDown"),
    SHUFFLE_TOP_RIGHT("shuffleTopRight"),
    SHUFFLE_RIGHT_TOP("shuffleRightTop"),
    SHUFFLE_RIGHT_BOTTOM("shuffleRightBottom"),
    SHUFFLE_BOTTOM_RIGHT("shuffleBottomRight"),
    SHUFFLE_BOTTOM_LEFT("shuffleBottomLeft"),
    SHUFFLE_LEFT_BOTTOM("shuffleLeftBottom"),
    SHUFFLE_LEFT_TOP("shuffleLeftTop"),
    SHUFFLE_TOP_LEFT("shuffleTopLeft");

    private final String wireName;

    TransitionKind(String wireName) {
        this.wireName = wireName;
    }

    /** Carousels slide the layer across the whole frame instead of fading it. */
    public boolean isCarousel() {
        return this == CAROUSEL_LEFT || this == CAROUSEL_RIGHT || this == CAROUSEL_UP || this == CAROUSEL_DOWN;
    }

    /** Shuffles turn the layer in from beyond an edge of the frame, near one of its corners, without fading. */
    public boolean isShuffle() {
        return name().startsWith("SHUFFLE_");
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TransitionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
