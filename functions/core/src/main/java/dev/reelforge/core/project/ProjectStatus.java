package dev.reelforge.core.project;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a project stands: {@code initial} is the one editable draft; the others follow a render. */
public enum ProjectStatus {
    INITIAL,
    PROCESSING,
    PUBLISHED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProjectStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
