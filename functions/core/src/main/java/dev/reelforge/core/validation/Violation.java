package dev.reelforge.core.validation;

/** One thing wrong with a request: where it is and what is wrong, e.g. "must be a number". */
public record Violation(JsonPath path, String problem) {

    public Violation(String path, String problem) {
        this(path.isEmpty() ? JsonPath.ROOT : new JsonPath(path), problem);
    }

    /** The sentence shown to users: {@code timeline.tracks[0].clips[2].length must be a number}. */
    public String message() {
        return path + " " + problem;
    }
}
