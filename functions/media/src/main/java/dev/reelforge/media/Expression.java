package dev.reelforge.media;

/**
 * An ffmpeg expression of the frame time {@code t}, or a constant; filters evaluate a constant once and a
 * varying one per frame, so which it is matters for speed.
 */
record Expression(String text, boolean varies) {

    static final Expression ZERO = constant(0);
    static final Expression ONE = constant(1);

    static Expression constant(double value) {
        return new Expression(Filter.number(value), false);
    }

    static Expression ofTime(String text) {
        return new Expression(text, true);
    }

    Expression plus(Expression other) {
        if (!varies && !other.varies) {
            return constant(value() + other.value());
        }
        if (isConstant(0)) {
            return other;
        }
        if (other.isConstant(0)) {
            return this;
        }
        return ofTime("(" + text + ")+(" + other.text + ")");
    }

    Expression times(Expression other) {
        if (!varies && !other.varies) {
            return constant(value() * other.value());
        }
        if (isConstant(1)) {
            return other;
        }
        if (other.isConstant(1)) {
            return this;
        }
        return ofTime("(" + text + ")*(" + other.text + ")");
    }

    Expression plus(double value) {
        return plus(constant(value));
    }

    Expression times(double value) {
        return times(constant(value));
    }

    /** The constant's value. */
    double value() {
        if (varies) {
            throw new IllegalStateException("varies over time: " + text);
        }
        return Double.parseDouble(text);
    }

    boolean isConstant(double value) {
        return !varies && value() == value;
    }
}
