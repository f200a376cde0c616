package dev.reelforge.local.bench;

import dev.reelforge.local.CommandLine;

/** {@code reelforge bench api}: to be written. */
public final class ApiBenchmark {

    private ApiBenchmark() {}

    public static int run(CommandLine options) {
        System.err.println("bench: not written yet");
        return 2;
    }
}
