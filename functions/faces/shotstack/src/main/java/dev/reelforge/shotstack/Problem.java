package dev.reelforge.shotstack;

import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import java.util.List;

/** A client error, answered in the Shotstack envelope with its HTTP status and every violation found. */
public record Problem(int status, List<Violation> violations) {

    public Problem {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a problem names at least one violation");
        }
    }

    public static Problem badRequest(List<Violation> violations) {
        return new Problem(400, violations);
    }

    public static Problem badRequest(JsonPath where, String problem) {
        return new Problem(400, List.of(new Violation(where, problem)));
    }

    public static Problem notFound(JsonPath where, String problem) {
        return new Problem(404, List.of(new Violation(where, problem)));
    }

    public static Problem conflict(JsonPath where, String problem) {
        return new Problem(409, List.of(new Violation(where, problem)));
    }

    public static Problem payloadTooLarge(int maxBytes) {
        return new Problem(413, List.of(new Violation(JsonPath.ROOT, "must be at most " + maxBytes + " bytes")));
    }
}
