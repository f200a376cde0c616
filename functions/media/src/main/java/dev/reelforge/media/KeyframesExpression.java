package dev.reelforge.media;

import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Tween;
import java.util.List;

/**
 * {@link Keyframes} as an ffmpeg expression of the output time {@code t}, for filters that evaluate per frame.
 * A bezier tween finds its curve's parameter by bisection, unrolled ({@link Easing#STEPS} steps in the
 * expression's variables 0-4), exactly as {@link Easing#apply} does.
 */
final class KeyframesExpression {

    private KeyframesExpression() {}

    /** The keyframes' value at {@code t}, the clip starting at {@code clipStart} seconds of the output. */
    static Expression of(Keyframes keyframes, double clipStart) {
        if (keyframes.isConstant()) {
            return Expression.constant(keyframes.valueAt(0));
        }
        String clipTime = clipStart >= 0 ? "(t-" + Filter.number(clipStart) + ")"
                : "(t+" + Filter.number(-clipStart) + ")";
        List<Tween> tweens = keyframes.tweens();
        String expression = tween(tweens.getLast(), clipTime);
        for (int i = tweens.size() - 2; i >= 0; i--) {
            expression = "if(lt(" + clipTime + "," + Filter.number(tweens.get(i + 1).start()) + "),"
                    + tween(tweens.get(i), clipTime) + "," + expression + ")";
        }
        Tween first = tweens.getFirst();
        return Expression.ofTime("if(lt(" + clipTime + "," + Filter.number(first.start()) + "),"
                + Filter.number(first.from()) + "," + expression + ")");
    }

    private static String tween(Tween tween, String clipTime) {
        String progress = "clip((" + clipTime + "-" + Filter.number(tween.start()) + ")/"
                + Filter.number(tween.length()) + ",0,1)";
        String from = Filter.number(tween.from());
        String change = Filter.number(tween.to() - tween.from());
        return switch (tween.interpolation()) {
            case LINEAR -> "(" + from + "+" + change + "*" + progress + ")";
            case CONSTANT -> "if(lt(" + clipTime + "," + Filter.number(tween.end()) + ")," + from + ","
                    + Filter.number(tween.to()) + ")";
            case BEZIER -> "(" + from + "+" + change + "*" + eased(tween.easing(), progress) + ")";
        };
    }

    /**
     * st(0): the progress, st(1)/st(2): the bisection's bounds, st(3): their middle; {@code ;} evaluates in
     * order and yields its last value ({@code +} would not promise the order).
     */
    private static String eased(Easing easing, String progress) {
        StringBuilder text = new StringBuilder("(st(0," + progress + ");st(1,0);st(2,1)");
        for (int step = 0; step < Easing.STEPS; step++) {
            text.append(";st(3,(ld(1)+ld(2))/2);if(lt(").append(bezier(easing.x1(), easing.x2(), "ld(3)"))
                    .append(",ld(0)),st(1,ld(3)),st(2,ld(3)))");
        }
        return text.append(";").append(bezier(easing.y1(), easing.y2(), "(ld(1)+ld(2))/2")).append(")").toString();
    }

    /** 3(1-u)^2 u c1 + 3(1-u) u^2 c2 + u^3, u being evaluated once into st(4). */
    private static String bezier(double c1, double c2, String u) {
        return "(st(4," + u + ");3*(1-ld(4))*(1-ld(4))*ld(4)*" + Filter.number(c1) + "+3*(1-ld(4))*ld(4)*ld(4)*"
                + Filter.number(c2) + "+ld(4)*ld(4)*ld(4))";
    }
}
