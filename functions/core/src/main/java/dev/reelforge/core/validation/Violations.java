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
    private final StandIns standIns;

    public Violations() {
        this(StandIns.NONE);
    }

    /** Collects the violations of a document whose {@code standIns} are checked only as far as they can be. */
    public Violations(StandIns standIns) {
        this.standIns = standIns;
    }

    public StandIns standIns() {
        return standIns;
    }

    /** An empty collection for trying one alternative, with the same stand-ins. */
    public Violations trial() {
        return new Violations(standIns);
    }

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
