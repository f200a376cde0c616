package dev.reelforge.core.edit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KeyframesTest {

    private static Tween linear(double from, double to, double start, double length) {
        return new Tween(from, to, start, length, Interpolation.LINEAR, Easing.EASE);
    }

    @Test
    void beforeTheFirstTweenTheValueIsItsFromAndAfterTheLastItsTo() {
        Keyframes fadeInLater = new Keyframes(List.of(linear(0.2, 1, 1, 2)));

        assertThat(fadeInLater.valueAt(0)).isEqualTo(0.2);
        assertThat(fadeInLater.valueAt(1)).isEqualTo(0.2);
        assertThat(fadeInLater.valueAt(3)).isEqualTo(1);
        assertThat(fadeInLater.valueAt(100)).isEqualTo(1);
    }

    @Test
    void aLinearTweenMovesEvenlyAndBetweenTweensThePreviousToHolds() {
        Keyframes inThenOut = new Keyframes(List.of(linear(1, 0, 4, 1), linear(0, 1, 0, 2)));

        assertThat(inThenOut.valueAt(0.5)).isCloseTo(0.25, within(1e-12));
        assertThat(inThenOut.valueAt(1.5)).isCloseTo(0.75, within(1e-12));
        assertThat(inThenOut.valueAt(3)).isEqualTo(1);
        assertThat(inThenOut.valueAt(4.5)).isCloseTo(0.5, within(1e-12));
        assertThat(inThenOut.valueAt(6)).isEqualTo(0);
    }

    @Test
    void whereTweensOverlapTheOneThatStartedLastWins() {
        Keyframes overlapping = new Keyframes(List.of(linear(0, 10, 0, 4), linear(100, 200, 2, 1)));

        assertThat(overlapping.valueAt(1)).isCloseTo(2.5, within(1e-12));
        assertThat(overlapping.valueAt(2.5)).isCloseTo(150, within(1e-12));
        assertThat(overlapping.valueAt(3.5)).isEqualTo(200);
    }

    @Test
    void aConstantTweenHoldsItsFromThenJumps() {
        Keyframes jump = new Keyframes(List.of(new Tween(0, 1, 0, 2, Interpolation.CONSTANT, Easing.EASE)));

        assertThat(jump.valueAt(1.99)).isEqualTo(0);
        assertThat(jump.valueAt(2)).isEqualTo(1);
    }

    @Test
    void aNumberIsAConstantAndScalesWithItsFactor() {
        assertThat(Keyframes.constant(0.4).isConstant()).isTrue();
        assertThat(Keyframes.constant(0.4).times(100).valueAt(7)).isCloseTo(40, within(1e-12));
        assertThat(new Keyframes(List.of(linear(0, 1, 0, 1))).isConstant()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Easing.class)
    void everyEasingStartsAtTheFromAndEndsAtTheTo(Easing easing) {
        Tween tween = new Tween(10, 20, 1, 2, Interpolation.BEZIER, easing);

        assertThat(tween.valueAt(1)).isEqualTo(10);
        assertThat(tween.valueAt(1 + 1e-9)).isCloseTo(10, within(1e-3));
        assertThat(tween.valueAt(3 - 1e-9)).isCloseTo(20, within(1e-3));
        assertThat(tween.valueAt(3)).isEqualTo(20);
    }

    /** Halfway values of the Penner curves (closed forms) and the CSS keywords (their cubic-bezier). */
    @ParameterizedTest
    @CsvSource({
            "easeInQuad, 0.5, 0.25",
            "easeOutQuad, 0.5, 0.75",
            "easeInCubic, 0.5, 0.125",
            "easeOutCubic, 0.5, 0.875",
            "easeInQuart, 0.5, 0.0625",
            "easeInQuint, 0.5, 0.03125",
            "easeInSine, 0.5, 0.2929",
            "easeOutSine, 0.5, 0.7071",
            "easeInOutQuad, 0.25, 0.125",
            "easeInOutCubic, 0.25, 0.0625",
            "easeInOutSine, 0.25, 0.1464",
            "easeInCirc, 0.5, 0.1340",
            "easeOutCirc, 0.5, 0.8660",
            "easeInExpo, 0.5, 0.03125",
            "easeOutExpo, 0.5, 0.96875",
            "easeInBack, 0.5, -0.0877",
            "easeOutBack, 0.5, 1.0877",
            "ease, 0.5, 0.8024",
            "easeIn, 0.5, 0.3153",
            "easeOut, 0.5, 0.6847",
            "easeInOut, 0.5, 0.5",
    })
    void easingsFollowTheirNamedCurve(String name, double progress, double eased) {
        Easing easing = Easing.fromWireName(name).orElseThrow();

        assertThat(easing.apply(progress)).isCloseTo(eased, within(0.03));
    }

    @Test
    void backCurvesOvershootAndInOutCurvesAreSymmetric() {
        assertThat(Easing.EASE_IN_BACK.apply(0.2)).isNegative();
        assertThat(Easing.EASE_OUT_BACK.apply(0.8)).isGreaterThan(1);
        for (Easing easing : List.of(Easing.EASE_IN_OUT_QUAD, Easing.EASE_IN_OUT_CUBIC, Easing.EASE_IN_OUT_QUART,
                Easing.EASE_IN_OUT_QUINT, Easing.EASE_IN_OUT_SINE, Easing.EASE_IN_OUT_EXPO,
                Easing.EASE_IN_OUT_CIRC, Easing.EASE_IN_OUT_BACK, Easing.EASE_IN_OUT)) {
            assertThat(easing.apply(0.3) + easing.apply(0.7)).as(easing.wireName()).isCloseTo(1, within(0.02));
        }
    }
}
