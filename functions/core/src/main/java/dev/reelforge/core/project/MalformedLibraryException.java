package dev.reelforge.core.project;

/** The shipped music library cannot be used: a build defect, found when the library is loaded. */
public final class MalformedLibraryException extends RuntimeException {

    public MalformedLibraryException(String problem) {
        super("music library: " + problem);
    }
}
