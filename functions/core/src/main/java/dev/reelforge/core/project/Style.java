package dev.reelforge.core.project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A style: how a project looks (read from a JSON resource, see {@link StyleBook}) and how Picovico lists it.
 * Every wire name in it (fits, transitions, motion effects, title styles and sizes, colours, fonts) is one the
 * Edit API renders; {@link StyleBook} proves it by validating an edit made with the style.
 */
public record Style(Listing listing, int minimumPhotos, double slideLength, String background, PhotoLook photo,
        Typography caption, TextSlideLook textSlide, IntroLook intro, CreditsLook credits) {

    public Style {
        Objects.requireNonNull(listing);
        Objects.requireNonNull(background);
        Objects.requireNonNull(photo);
        Objects.requireNonNull(caption);
        Objects.requireNonNull(textSlide);
        Objects.requireNonNull(intro);
        Objects.requireNonNull(credits);
    }

    public String machineName() {
        return listing.machineName();
    }

    /** What {@code GET /styles} answers for the style. */
    public record Listing(String name, String machineName, String category, boolean featured, String description,
            List<QualityLimit> qualities, int titleLength, int textLength) {

        public Listing {
            qualities = List.copyOf(qualities);
        }
    }

    public record QualityLimit(int res, int credits, boolean whiteLabeled) {}

    /**
     * Photos: fitted ({@code fit}, {@code scale} below 1 leaves a frame of background around them), moved by the
     * motion effects taken in turn, one per photo, and brought in and out by the transitions.
     */
    public record PhotoLook(String fit, double scale, List<String> motions, Transitions transitions,
            Optional<String> filter) {

        public PhotoLook {
            motions = List.copyOf(motions);
        }
    }

    public record Transitions(String in, String out) {}

    /** A title asset's look: its title style, colour, size, optional background and position. */
    public record Typography(String style, String color, String size, Optional<String> background, String position) {}

    /** A text asset's font; sizes are pixels at 720 and scale with the quality's height. */
    public record TextFont(String family, int size, String color) {}

    /** A text frame: its title at the top, its text in the middle, on a background of its own. */
    public record TextSlideLook(String background, Typography title, TextFont text, Transitions transitions) {}

    /** The project's name as a title over the background before the first frame. */
    public record IntroLook(double length, Typography title, Transitions transitions) {}

    /** The credits, one "key: value" line each, rolled (a motion effect) over the background after the last frame. */
    public record CreditsLook(double length, TextFont font, Optional<String> motion, Transitions transitions) {}
}
