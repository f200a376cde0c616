package dev.reelforge.media;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.plan.AudioPart;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Render plans for the tests, built straight from the core records: 320x180 at 25 fps unless told. */
final class Plans {

    static final Size FRAME = new Size(320, 180);
    static final Color BLACK = new Color(0, 0, 0, 255);
    static final Look PLAIN = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private Size frame = FRAME;
    private Fps fps = new Fps(25, 1);
    private Color background = BLACK;
    private double duration = 2;
    private double stillAt;
    private final List<SourceFile> sources = new ArrayList<>();
    private final List<VisualLayer> layers = new ArrayList<>();
    private final List<AudioPart> sounds = new ArrayList<>();
    private OutputFormat format = OutputFormat.MP4;
    private Size outputSize;
    private Quality quality = Quality.HIGH;
    private boolean mute;

    private boolean repeat = true;

    static Plans plan() {
        return new Plans();
    }

    Plans duration(double seconds) {
        this.duration = seconds;
        return this;
    }

    Plans background(Color color) {
        this.background = color;
        return this;
    }

    Plans fps(Fps fps) {
        this.fps = fps;
        return this;
    }

    Plans output(OutputFormat format) {
        this.format = format;
        return this;
    }

    Plans outputSize(Size size) {
        this.outputSize = size;
        return this;
    }

    Plans quality(Quality quality) {
        this.quality = quality;
        return this;
    }

    Plans stillAt(double seconds) {
        this.stillAt = seconds;
        return this;
    }

    Plans mute() {
        this.mute = true;
        return this;
    }

    /** Adds a layer above those added before. */
    Plans layer(VisualLayer layer) {
        layers.add(layer);
        if (layer instanceof VisualLayer.Picture picture) {
            source(picture.source());
        }
        return this;
    }

    Plans sound(AudioPart part) {
        sounds.add(part);
        source(part.source());
        return this;
    }

    private void source(SourceFile source) {
        if (sources.stream().noneMatch(known -> known.index() == source.index())) {
            sources.add(source);
        }
    }

    Plans playedOnce() {
        this.repeat = false;
        return this;
    }

    RenderPlan build() {
        Size delivered = outputSize == null ? frame : outputSize;
        OutputPlan output = new OutputPlan(format, delivered, fps, quality, repeat, mute, Optional.empty(),
                Optional.empty(), false, false);
        return new RenderPlan(frame, fps, background, duration, stillAt, sources, layers,
                mute ? List.of() : sounds, output);
    }

    /** A box drawing the whole picture at {@code width x height} with its top-left corner at (x, y). */
    static Box box(int width, int height, int x, int y) {
        return new Box(width, height, new Box.Crop(0, 0, width, height), x, y);
    }

    static Box fullFrame() {
        return box(FRAME.width(), FRAME.height(), 0, 0);
    }

    /** A still image shown over {@code timing} in {@code box}. */
    static VisualLayer.Picture still(SourceFile source, Timing timing, Box box, Look look) {
        return new VisualLayer.Picture(timing, look, source, 0, 1, true, box);
    }

    static VisualLayer.Picture video(SourceFile source, Timing timing, double trim, double speed, Box box, Look look) {
        return new VisualLayer.Picture(timing, look, source, trim, speed, false, box);
    }

    static Look opacity(double opacity) {
        return new Look(opacity, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Look transitions(Optional<Transition> in, Optional<Transition> out) {
        return new Look(1, in.map(t -> new Look.PlannedTransition(t, t.seconds())),
                out.map(t -> new Look.PlannedTransition(t, t.seconds())), Optional.empty(), Optional.empty());
    }

    static Look effect(MotionEffect effect) {
        return new Look(1, Optional.empty(), Optional.empty(), Optional.of(effect), Optional.empty());
    }

    static Look filter(ColorFilter filter) {
        return new Look(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(filter));
    }

    /** White 24 px sans text, unwrapped, centred in its own extent at {@code position}. */
    static VisualLayer.Text title(String text, Position position, Timing timing) {
        return new VisualLayer.Text(timing, PLAIN, text, FontFace.SANS_BOLD, 24, 1.2, Color.WHITE, Optional.empty(),
                Optional.empty(), Optional.empty(), Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER,
                position, Offset.NONE, false);
    }

    static AudioPart part(SourceFile source, Timing timing, double trim, double speed, double volume) {
        return new AudioPart(timing, source, trim, speed, volume, 0, 0);
    }
}
