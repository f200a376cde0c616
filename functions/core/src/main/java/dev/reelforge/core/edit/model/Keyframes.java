package dev.reelforge.core.edit.model;

import java.util.Comparator;
import java.util.List;

/**
 * A property given as an array of tweens, as a function of the clip's time: before the first tween it holds
 * that tween's {@code from}, during a tween it follows it, between tweens and after the last it holds the
 * {@code to} of the tween before. Where tweens overlap, the one that started last wins.
 * A plain number is one constant keyframe set ({@link #constant}).
 */
public record Keyframes(List<Tween> tweens) {

    public Keyframes {
        if (tweens.isEmpty()) {
            throw new IllegalArgumentException("at least one tween");
        }
        tweens = tweens.stream().sorted(Comparator.comparingDouble(Tween::start)).toList();
    }

    public static Keyframes constant(double value) {
        return new Keyframes(List.of(new Tween(value, value, 0, 0, Interpolation.LINEAR, Easing.EASE)));
    }

    public boolean isConstant() {
        return tweens.stream().allMatch(tween -> tween.from() == tween.to()
                && tween.from() == tweens.getFirst().from());
    }

    /** The value {@code clipSeconds} into the clip. */
    public double valueAt(double clipSeconds) {
        Tween current = tweens.getFirst();
        for (Tween tween : tweens) {
            if (tween.start() <= clipSeconds) {
                current = tween;
            }
        }
        return current.valueAt(clipSeconds);
    }

    /** The same keyframes on a clock that reads 0 {@code seconds} into the clip. */
    public Keyframes shifted(double seconds) {
        return new Keyframes(tweens.stream().map(tween -> new Tween(tween.from(), tween.to(),
                tween.start() - seconds, tween.length(), tween.interpolation(), tween.easing())).toList());
    }

    /** Whether every value it takes is at most 0 (a sound that is never heard). */
    public boolean neverAbove0() {
        return tweens.stream().allMatch(tween -> tween.from() <= 0 && tween.to() <= 0);
    }

    /** Every value times {@code factor} (e.g. an offset in fractions of the frame to pixels). */
    public Keyframes times(double factor) {
        return new Keyframes(tweens.stream().map(tween -> new Tween(tween.from() * factor, tween.to() * factor,
                tween.start(), tween.length(), tween.interpolation(), tween.easing())).toList());
    }
}
