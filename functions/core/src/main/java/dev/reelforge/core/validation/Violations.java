package dev.reelforge.core.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while a document is checked. The list is capped so that a hostile document
 * (a million wrong clips) cannot make the error response larger than the request.
 */
public final class Violations {

    public static final int MAX_REPORTED = 25;

    private final List<Violation> found = new ArrayList<>();

    public void add(JsonPath path, String problem) {
        if (found.size() < MAX_REPORTED) {
            found.add(new Violation(path, problem));
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }
}
