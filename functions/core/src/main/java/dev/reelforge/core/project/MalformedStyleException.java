package dev.reelforge.core.project;

/** A shipped style that cannot be used: a build defect, found when the styles are loaded. */
public final class MalformedStyleException extends RuntimeException {

    public MalformedStyleException(String style, String problem) {
        super("style " + style + ": " + problem);
    }
}
