package dev.reelforge.sources;

/**
 * Carries a refusal out of the depths of a request (a redirect, a resolved address, a chunk header) to
 * where it becomes a result with a reason fit for the user. Never leaves the package.
 */
class SourceRefusal extends Exception {

    SourceRefusal(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
