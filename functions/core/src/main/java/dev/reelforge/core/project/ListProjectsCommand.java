package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;

/** A page of the caller's projects: {@code count} of them, from the newest or from a cursor. */
public record ListProjectsCommand(String owner, Environment environment, int count, Cursor cursor) {

    public static final int DEFAULT_COUNT = 15;
    public static final int MAX_COUNT = 50;

    public ListProjectsCommand {
        Objects.requireNonNull(cursor);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count out of range");
        }
    }

    /** Where a page starts: the newest projects, those created before a time ({@code from}), or after ({@code to}). */
    public sealed interface Cursor {

        record Newest() implements Cursor {}

        record Before(Instant time) implements Cursor {}

        record After(Instant time) implements Cursor {}
    }
}
