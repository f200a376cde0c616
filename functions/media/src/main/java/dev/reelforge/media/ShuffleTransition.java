package dev.reelforge.media;

import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.TransitionKind;
import java.util.Optional;

/**
 * Where a shuffle transition holds the layer when it is fully out: beyond the named edge of the frame (by the
 * frame's size across that edge and half the layer's diagonal, so no turned corner shows), moved half the frame
 * towards the named end of that edge, and turned a quarter turn. Coming in, the layer travels from there to its
 * place while turning straight; going out it does the same backwards (it leaves through the corner it names).
 * The names that go round the frame clockwise (top then right, right then bottom, ...) start turned
 * counter-clockwise and turn clockwise into place; the others the mirror of that.
 */
record ShuffleTransition(int edgeX, int edgeY, int endX, int endY, int turn) {

    /** How far a shuffled layer is turned when it is fully out (radians). */
    static final double TURN = Math.PI / 2;

    static Optional<ShuffleTransition> of(TransitionKind kind) {
        return Optional.ofNullable(switch (kind) {
            case SHUFFLE_TOP_RIGHT -> new ShuffleTransition(0, -1, 1, 0, -1);
            case SHUFFLE_RIGHT_BOTTOM -> new ShuffleTransition(1, 0, 0, 1, -1);
            case SHUFFLE_BOTTOM_LEFT -> new ShuffleTransition(0, 1, -1, 0, -1);
            case SHUFFLE_LEFT_TOP -> new ShuffleTransition(-1, 0, 0, -1, -1);
            case SHUFFLE_TOP_LEFT -> new ShuffleTransition(0, -1, -1, 0, 1);
            case SHUFFLE_LEFT_BOTTOM -> new ShuffleTransition(-1, 0, 0, 1, 1);
            case SHUFFLE_BOTTOM_RIGHT -> new ShuffleTransition(0, 1, 1, 0, 1);
            case SHUFFLE_RIGHT_TOP -> new ShuffleTransition(1, 0, 0, -1, 1);
            default -> null;
        });
    }

    /** Frame pixels right of its place when fully out, for a layer {@code diagonal} pixels corner to corner. */
    double outX(Size frame, double diagonal) {
        return edgeX * (frame.width() + diagonal / 2) + endX * frame.width() / 2.0;
    }

    /** Frame pixels below its place when fully out. */
    double outY(Size frame, double diagonal) {
        return edgeY * (frame.height() + diagonal / 2) + endY * frame.height() / 2.0;
    }

    /** Radians clockwise when fully out. */
    double outAngle() {
        return turn * TURN;
    }
}
