package dev.reelforge.core.edit.model;

import java.net.URI;
import java.util.Optional;

/** What a clip shows or plays. */
public sealed interface Asset {

    /** Assets read from a source file, which the renderer fetches and probes first. */
    sealed interface Sourced extends Asset {
        URI src();
    }

    /** A video; {@code speed} 0 shows the frame at {@code trim} for the clip's length (a paused clip). */
    record Video(URI src, double trim, double volume, double speed, Optional<VolumeEffect> volumeEffect,
            Optional<ChromaKey> chromaKey) implements Sourced {

        public Video(URI src, double trim, double volume, double speed, Optional<VolumeEffect> volumeEffect) {
            this(src, trim, volume, speed, volumeEffect, Optional.empty());
        }

        public boolean paused() {
            return speed == 0;
        }
    }

    record Image(URI src) implements Sourced {}

    /**
     * A greyscale image or video used as a matte for the picture clip of its track that it overlaps in time (it is
     * never drawn itself); the video plays from {@code trim}.
     */
    record Luma(URI src, double trim) implements Sourced {}

    record Audio(URI src, double trim, double volume, double speed, Optional<VolumeEffect> effect)
            implements Sourced {}

    /** A title; without a position of its own it takes its clip's (a subtitle defaults to the bottom). */
    record Title(String text, TitleStyle style, Color color, TitleSize size, Optional<Color> background,
            Optional<Position> position, Offset offset) implements Asset {}

    /**
     * Text in a box of {@code width} x {@code height} pixels (the frame when absent), wrapped to its width
     * and aligned in it.
     */
    record Text(String text, Optional<Integer> width, Optional<Integer> height, Typeface face, int size,
            double lineHeight, Color color, Optional<Color> background, HorizontalAlign horizontal,
            VerticalAlign vertical, TextFinish finish) implements Asset {

        public Text(String text, Optional<Integer> width, Optional<Integer> height, Typeface face, int size,
                double lineHeight, Color color, Optional<Color> background, HorizontalAlign horizontal,
                VerticalAlign vertical) {
            this(text, width, height, face, size, lineHeight, color, background, horizontal, vertical,
                    TextFinish.NONE);
        }

        public Text withFace(Typeface other) {
            return new Text(text, width, height, other, size, lineHeight, color, background, horizontal, vertical,
                    finish);
        }
    }

    /**
     * Shotstack's newer text asset, drawn as {@code look} says into the clip's box of {@code width} x
     * {@code height} pixels (the frame's when absent).
     */
    record RichText(RichTextLook look, Optional<Integer> width, Optional<Integer> height) implements Asset {}

    /**
     * A picture the worker draws itself instead of fetching it (newest contract: {@code shape}, {@code svg}); its
     * {@code src} is a name made from its content ({@code drawn:<sha-256>}), so equal pictures are drawn once.
     */
    sealed interface Drawn extends Sourced {}

    /**
     * A rectangle, circle or line centred in a transparent box of {@code width} x {@code height} pixels (the frame
     * when absent), filled with {@code fill} (none when absent) and outlined by {@code stroke} ({@code strokeWidth}
     * pixels, centred on the outline).
     */
    record Shape(URI src, Figure figure, Optional<Integer> width, Optional<Integer> height, Optional<Color> fill,
            Optional<Color> stroke, double strokeWidth) implements Drawn {}

    /** What a shape draws, in pixels. */
    sealed interface Figure {
        record Rectangle(int width, int height, int cornerRadius) implements Figure {}

        record Circle(int radius) implements Figure {}

        /** A horizontal bar {@code length} long and {@code thickness} thick (the clip's rotation turns it). */
        record Line(int length, int thickness) implements Figure {}
    }

    /** SVG markup, drawn at the size its {@code width}/{@code height} or {@code viewBox} give. */
    record Svg(URI src, String markup) implements Drawn {}

    /**
     * HTML and CSS laid out in a box of {@code width} x {@code height} pixels (the frame when absent) over
     * {@code background}, the content placed at {@code position} of the box; drawn as a still picture.
     */
    record Html(String html, String css, Optional<Integer> width, Optional<Integer> height, Color background,
            Position position) implements Asset {}

    /**
     * Captions read from a subtitle file ({@code src}), drawn per its cues: a cue at file time {@code t} is shown
     * at clip time {@code (t - trim) / speed}. Not a {@link Sourced} asset: the file is text, fetched and parsed
     * rather than probed.
     */
    record Caption(URI src, CaptionStyle style, double trim, double speed) implements Asset {}

    enum HorizontalAlign { LEFT, CENTER, RIGHT }

    enum VerticalAlign { TOP, CENTER, BOTTOM }
}
