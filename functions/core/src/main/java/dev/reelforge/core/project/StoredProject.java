package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A project as kept: its id (which begins with its creation time, see {@link ProjectId}), owner and environment,
 * status, content, callback URL, times, and a version that every change increments (updates are conditional on it).
 */
public record StoredProject(String id, String owner, Environment environment, ProjectStatus status, Project project,
        Optional<URI> callbackUrl, Instant created, Instant modified, long version) {

    public StoredProject {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(status);
        Objects.requireNonNull(project);
        Objects.requireNonNull(callbackUrl);
        Objects.requireNonNull(created);
        Objects.requireNonNull(modified);
    }

    /** This project changed by the update at {@code now}, one version later. */
    public StoredProject updated(ProjectUpdate update, Instant now) {
        return new StoredProject(id, owner, environment, status, project.with(update),
                update.callbackUrl().isPresent() ? update.callbackUrl() : callbackUrl, created, now, version + 1);
    }
}
