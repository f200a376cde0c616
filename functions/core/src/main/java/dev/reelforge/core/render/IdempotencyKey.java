package dev.reelforge.core.render;

/**
 * A client's name for one submit (the {@code Idempotency-Key} header), unique to the client's intent: 1 to 255
 * printable ASCII characters, as Stripe allows. Keys are scoped to their owner and environment.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_LENGTH
                    + " printable ASCII characters");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
