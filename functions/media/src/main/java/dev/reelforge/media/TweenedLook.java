package dev.reelforge.media;

import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A picture layer's tweened properties as filters: a tweened offset moves the overlay per frame (ffmpeg
 * expressions of {@code t}); a tweened opacity scales the alpha through a {@code lut} whose table
 * {@code sendcmd} rewrites at each frame where the value changes (values computed here, as no ffmpeg alpha
 * filter takes an expression of time short of per-pixel {@code geq}).
 */
final class TweenedLook {

    private static final AtomicLong NAMES = new AtomicLong();

    private final Look look;

    TweenedLook(Look look) {
        this.look = look;
    }

    boolean tweensOpacity() {
        return look.animation().opacity().filter(tweens -> !tweens.isConstant()).isPresent();
    }

    /** Frame pixels the tweened offset moves the layer right of where its first value places it. */
    Expression moveX(Size frame) {
        return move(look.animation().offsetX(), frame.width());
    }

    /** Frame pixels the tweened offset moves the layer down (offset y is up) from where it starts. */
    Expression moveY(Size frame) {
        return move(look.animation().offsetY(), -frame.height());
    }

    private Expression move(Optional<Keyframes> tweens, double pixels) {
        if (tweens.isEmpty() || tweens.get().isConstant()) {
            return Expression.ZERO;
        }
        return KeyframesExpression.of(tweens.get(), look.clipStart()).plus(-tweens.get().valueAt(0)).times(pixels);
    }

    /** Radians the tweened rotation turns the layer clockwise at {@code t}; 0 when not tweened. */
    Expression turn() {
        return look.animation().angle().filter(tweens -> !tweens.isConstant())
                .map(tweens -> KeyframesExpression.of(tweens, look.clipStart()).times(Math.PI / 180))
                .orElse(Expression.ZERO);
    }

    /**
     * The tweened scale at {@code t} as a fraction of its largest value (which the layer was sized for); 1 when
     * not tweened.
     */
    Expression resize() {
        Optional<Keyframes> tweens = look.animation().scale().filter(keyframes -> !keyframes.isConstant());
        if (tweens.isEmpty()) {
            return Expression.ONE;
        }
        double largest = tweens.get().tweens().stream().mapToDouble(tween -> Math.max(tween.from(), tween.to()))
                .max().orElse(1);
        return Expression.ofTime("max(0,(" + KeyframesExpression.of(tweens.get(), look.clipStart()).text() + ")/"
                + Filter.number(largest) + ")");
    }

    /** The alpha scaled by the tweened opacity at each frame of the layer's time; none when not tweened. */
    List<Filter> opacity(Timing timing, Fps fps) {
        if (!tweensOpacity()) {
            return List.of();
        }
        Keyframes tweens = look.animation().opacity().orElseThrow();
        String name = "lut@opacity" + NAMES.incrementAndGet();
        StringBuilder commands = new StringBuilder();
        String last = null;
        int frames = (int) Math.ceil(timing.length() * fps.value() - 1e-6);
        for (int frame = 0; frame < frames; frame++) {
            double at = timing.start() + frame / fps.value();
            String alpha = alpha(tweens.valueAt(at - look.clipStart()));
            if (!alpha.equals(last)) {
                // A little before the frame's time, so rounding of its timestamp cannot miss it.
                commands.append(String.format(Locale.ROOT, "%.4f", Math.max(0, at - 0.25 / fps.value())))
                        .append(' ').append(name).append(" a ").append(alpha).append(';');
                last = alpha;
            }
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("sendcmd").with("c", commands.toString()));
        filters.add(Filter.of(name).with("a", alpha(tweens.valueAt(timing.start() - look.clipStart()))));
        return filters;
    }

    private static String alpha(double opacity) {
        return "val*" + Filter.number(Math.round(Math.max(0, Math.min(1, opacity)) * 1000) / 1000.0);
    }
}
