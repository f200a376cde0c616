package dev.reelforge.media;

import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.MotionKind;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A layer's {@link Look} as ffmpeg expressions of the output time {@code t}: how transparent, how zoomed,
 * how far panned and moved it is at each frame. Every transition fades; a slide also moves the layer, a zoom
 * also zooms it, a wipe also reveals it edge first. A reveal uncovers it edge first without fading (text, which
 * cannot be cut, fades instead); a carousel slides it across the whole frame without fading. Motion effects and
 * zooms happen inside the layer's box.
 */
final class LookOverTime {

    /** A zoom effect zooms by 30%; a zoom transition starts (or ends) 30% zoomed. */
    static final double ZOOM = 0.3;
    /** A slide effect pans by 10% of the layer; a slide transition moves it 10% of the frame. */
    static final double SLIDE = 0.1;

    private final Timing timing;
    private final Look look;
    private final Size frame;

    LookOverTime(Timing timing, Look look, Size frame) {
        this.timing = timing;
        this.look = look;
        this.frame = frame;
    }

    double opacity() {
        return look.opacity();
    }

    /** Fades of a picture's alpha channel: every transition in or out but a carousel or reveal, over its seconds. */
    List<Filter> fades() {
        return fades(kind -> !kind.isCarousel() && !kind.isShuffle() && kind != TransitionKind.REVEAL);
    }

    /** Fades of a text's background band: as the text's {@link #alpha()}. */
    List<Filter> textFades() {
        return fades(LookOverTime::fadesText);
    }

    /** The same fades for an opaque picture: from and to {@code colour} (ffmpeg's {@code 0xRRGGBB}) instead of clear. */
    List<Filter> fadesThrough(String colour) {
        return fades(kind -> kind == TransitionKind.FADE, fade -> fade.with("color", colour));
    }

    private List<Filter> fades(Predicate<TransitionKind> fading) {
        return fades(fading, fade -> fade.with("alpha", 1));
    }

    private List<Filter> fades(Predicate<TransitionKind> fading, UnaryOperator<Filter> finish) {
        List<Filter> fades = new ArrayList<>();
        look.in().filter(in -> in.seconds() > 0 && fading.test(in.transition().kind())).ifPresent(in -> fades.add(
                finish.apply(Filter.of("fade").with("t", "in").with("st", timing.start()).with("d", in.seconds()))));
        look.out().filter(out -> out.seconds() > 0 && fading.test(out.transition().kind())).ifPresent(out -> fades.add(
                finish.apply(Filter.of("fade").with("t", "out").with("st", timing.end() - out.seconds())
                        .with("d", out.seconds()))));
        return fades;
    }

    /** Opacity times the fades, for filters that take an alpha expression (drawtext). */
    Expression alpha() {
        Expression alpha = Expression.constant(look.opacity());
        Optional<Expression> in = inProgress().filter(p -> fadesText(look.in().orElseThrow().transition().kind()));
        Optional<Expression> out = outProgress().filter(p -> fadesText(look.out().orElseThrow().transition().kind()));
        if (in.isPresent()) {
            alpha = alpha.times(in.get());
        }
        if (out.isPresent()) {
            alpha = alpha.times(out.get().times(-1).plus(1));
        }
        return alpha;
    }

    /** How much the picture is magnified inside its box: effect and zoom transitions, and room to pan. */
    Expression zoom() {
        Expression zoom = Expression.constant(1);
        Optional<MotionEffect> effect = look.effect();
        if (effect.isPresent()) {
            MotionKind kind = effect.get().kind();
            double reach = reach(effect.get());
            zoom = switch (kind) {
                case ZOOM_IN -> layerProgress().times(ZOOM * reach).plus(1);
                case ZOOM_OUT -> layerProgress().times(-ZOOM * reach).plus(1 + ZOOM * reach);
                case SLIDE_LEFT, SLIDE_RIGHT, SLIDE_UP, SLIDE_DOWN -> Expression.constant(1 + SLIDE * reach);
            };
        }
        if (transitionIn(TransitionKind.ZOOM)) {
            zoom = zoom.times(inProgress().orElseThrow().times(-ZOOM).plus(1 + ZOOM));
        }
        if (transitionOut(TransitionKind.ZOOM)) {
            zoom = zoom.times(outProgress().orElseThrow().times(ZOOM).plus(1));
        }
        return zoom;
    }

    /** How far (pixels of the box) the picture has panned right of its centre; a slide effect moves it left. */
    Expression panX(int boxWidth) {
        return pan(boxWidth, MotionKind.SLIDE_LEFT, MotionKind.SLIDE_RIGHT);
    }

    /** How far (pixels of the box) the picture has panned below its centre; a slide-up effect moves it up. */
    Expression panY(int boxHeight) {
        return pan(boxHeight, MotionKind.SLIDE_UP, MotionKind.SLIDE_DOWN);
    }

    private Expression pan(int size, MotionKind towardsStart, MotionKind towardsEnd) {
        Optional<MotionEffect> effect = look.effect();
        if (effect.isEmpty() || (effect.get().kind() != towardsStart && effect.get().kind() != towardsEnd)) {
            return Expression.ZERO;
        }
        double distance = SLIDE * reach(effect.get()) * size;
        // The picture moving left is the window onto it moving right.
        double sign = effect.get().kind() == towardsStart ? 1 : -1;
        return layerProgress().plus(-0.5).times(sign * distance);
    }

    /** How far (frame pixels) slide and carousel transitions move the layer right. */
    Expression slideX() {
        return slide(SLIDE * frame.width(), TransitionKind.SLIDE_LEFT, TransitionKind.SLIDE_RIGHT)
                .plus(slide(frame.width(), TransitionKind.CAROUSEL_LEFT, TransitionKind.CAROUSEL_RIGHT));
    }

    /** How far (frame pixels) slide and carousel transitions move the layer down. */
    Expression slideY() {
        return slide(SLIDE * frame.height(), TransitionKind.SLIDE_UP, TransitionKind.SLIDE_DOWN)
                .plus(slide(frame.height(), TransitionKind.CAROUSEL_UP, TransitionKind.CAROUSEL_DOWN));
    }

    private Expression slide(double distance, TransitionKind negative, TransitionKind positive) {
        Expression offset = Expression.ZERO;
        // Coming in, the layer arrives from behind its direction; going out, it leaves along it.
        if (transitionIn(negative) || transitionIn(positive)) {
            double sign = transitionIn(negative) ? 1 : -1;
            offset = offset.plus(inProgress().orElseThrow().times(-1).plus(1).times(sign * distance));
        }
        if (transitionOut(negative) || transitionOut(positive)) {
            double sign = transitionOut(negative) ? -1 : 1;
            offset = offset.plus(outProgress().orElseThrow().times(sign * distance));
        }
        return offset;
    }

    /**
     * How far (frame pixels) shuffle transitions move the layer right, for a layer {@code diagonal} pixels
     * corner to corner (see {@link ShuffleTransition}).
     */
    Expression shuffleX(double diagonal) {
        return shuffle(transition -> transition.outX(frame, diagonal));
    }

    /** How far (frame pixels) shuffle transitions move the layer down. */
    Expression shuffleY(double diagonal) {
        return shuffle(transition -> transition.outY(frame, diagonal));
    }

    /** How far (radians, clockwise) shuffle transitions turn the layer. */
    Expression shuffleTurn() {
        return shuffle(ShuffleTransition::outAngle);
    }

    boolean shuffles() {
        return look.in().filter(in -> in.seconds() > 0 && in.transition().kind().isShuffle()).isPresent()
                || look.out().filter(out -> out.seconds() > 0 && out.transition().kind().isShuffle()).isPresent();
    }

    private Expression shuffle(java.util.function.ToDoubleFunction<ShuffleTransition> fullyOut) {
        Expression value = Expression.ZERO;
        Optional<ShuffleTransition> in = look.in().filter(t -> t.seconds() > 0)
                .flatMap(t -> ShuffleTransition.of(t.transition().kind()));
        Optional<ShuffleTransition> out = look.out().filter(t -> t.seconds() > 0)
                .flatMap(t -> ShuffleTransition.of(t.transition().kind()));
        if (in.isPresent()) {
            value = value.plus(inProgress().orElseThrow().times(-1).plus(1).times(fullyOut.applyAsDouble(in.get())));
        }
        if (out.isPresent()) {
            value = value.plus(outProgress().orElseThrow().times(fullyOut.applyAsDouble(out.get())));
        }
        return value;
    }

    boolean wipes() {
        return transitionIn(TransitionKind.WIPE_LEFT) || transitionIn(TransitionKind.WIPE_RIGHT)
                || transitionIn(TransitionKind.REVEAL) || transitionOut(TransitionKind.WIPE_LEFT)
                || transitionOut(TransitionKind.WIPE_RIGHT) || transitionOut(TransitionKind.REVEAL);
    }

    /**
     * The wipes of a picture {@code width} wide drawn at frame column {@code x}, as the window of its columns
     * that is visible: columns {@code [offset, offset + width)}, so a negative offset hides its right side and
     * a positive one its left side. The edge crosses the part of the picture inside the frame.
     */
    Wipe wipe(int x, int width) {
        double low = Math.clamp(-x, 0, width);
        double high = Math.clamp(frame.width() - x, 0, width);
        double span = high - low;
        String in = "0";
        String out = "0";
        boolean left = false;
        boolean right = false;
        if (transitionIn(TransitionKind.WIPE_LEFT)) {
            // The edge runs right to left; what is right of it shows.
            in = inProgress().orElseThrow().times(-span).plus(high).text();
            right = true;
        } else if (transitionIn(TransitionKind.WIPE_RIGHT) || transitionIn(TransitionKind.REVEAL)) {
            // A reveal in uncovers from left to right, as a wipe right does.
            in = inProgress().orElseThrow().times(span).plus(low - width).text();
            left = true;
        }
        if (transitionOut(TransitionKind.WIPE_LEFT) || transitionOut(TransitionKind.REVEAL)) {
            // A reveal out covers from right to left, as a wipe left does.
            // The edge runs right to left; what is left of it stays.
            out = outProgress().orElseThrow().times(-span).plus(high - width).text();
            left = true;
        } else if (transitionOut(TransitionKind.WIPE_RIGHT)) {
            out = outProgress().orElseThrow().times(span).plus(low).text();
            right = true;
        }
        double inEnds = timing.start() + look.in().map(Look.PlannedTransition::seconds).orElse(0.0);
        double outStarts = timing.end() - look.out().map(Look.PlannedTransition::seconds).orElse(0.0);
        Expression offset = Expression.ofTime("if(lt(t," + Filter.number(inEnds) + ")," + in + ",if(gte(t,"
                + Filter.number(outStarts) + ")," + out + ",0))");
        return new Wipe(offset, left ? width : 0, right ? width : 0);
    }

    /** A wipe: the visible window's offset, and the transparent room it needs left and right of the picture. */
    record Wipe(Expression offset, int padLeft, int padRight) {}

    /** Text cannot be cut by an edge: a reveal (like a wipe) fades it; a carousel or a shuffle does not. */
    private static boolean fadesText(TransitionKind kind) {
        return !kind.isCarousel() && !kind.isShuffle();
    }

    private boolean transitionIn(TransitionKind kind) {
        return look.in().filter(in -> in.seconds() > 0 && in.transition().kind() == kind).isPresent();
    }

    private boolean transitionOut(TransitionKind kind) {
        return look.out().filter(out -> out.seconds() > 0 && out.transition().kind() == kind).isPresent();
    }

    /** 0 to 1 over the transition in. */
    private Optional<Expression> inProgress() {
        return look.in().filter(in -> in.seconds() > 0).map(in -> progress(timing.start(), in.seconds()));
    }

    /** 0 to 1 over the transition out. */
    private Optional<Expression> outProgress() {
        return look.out().filter(out -> out.seconds() > 0)
                .map(out -> progress(timing.end() - out.seconds(), out.seconds()));
    }

    /** 0 to 1 over the whole layer. */
    private Expression layerProgress() {
        return progress(timing.start(), timing.length());
    }

    private static Expression progress(double from, double seconds) {
        return Expression.ofTime("clip((t-" + Filter.number(from) + ")/" + Filter.number(seconds) + ",0,1)");
    }

    /** Slow moves half as far over the layer, fast twice as far. */
    private static double reach(MotionEffect effect) {
        return 1 / effect.speed().durationFactor();
    }
}
