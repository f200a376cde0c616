package dev.reelforge.sources;

/**
 * Carries a refusal out of the depths of a download (a redirect, a resolved address, a chunk header)
 * to where it becomes a {@code Refused} result. Never leaves the package.
 */
final class SourceRefusal extends Exception {

    SourceRefusal(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
