package dev.reelforge.core.edit.model;

/** A preset fade of a sound: in, out, or both. */
public enum VolumeEffect {
    FADE_IN(true, false),
    FADE_OUT(false, true),
    FADE_IN_FADE_OUT(true, true);

    private final boolean fadesIn;
    private final boolean fadesOut;

    VolumeEffect(boolean fadesIn, boolean fadesOut) {
        this.fadesIn = fadesIn;
        this.fadesOut = fadesOut;
    }

    public boolean fadesIn() {
        return fadesIn;
    }

    public boolean fadesOut() {
        return fadesOut;
    }

    public static VolumeEffect fromWireName(String name) {
        return switch (name) {
            case "fadeIn" -> FADE_IN;
            case "fadeOut" -> FADE_OUT;
            case "fadeInFadeOut" -> FADE_IN_FADE_OUT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
