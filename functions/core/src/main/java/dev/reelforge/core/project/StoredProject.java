package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A project as kept: its id (which begins with its creation time, see {@link ProjectId}), owner and environment,
 * status, content, callback URL, times, and a version that every change increments (updates are conditional on it).
 * From its render request on, {@code render} names the render that makes it; once published, {@code publication}
 * holds its hosted videos; once failed, {@code failure} says why, in words for its owner.
 */
public record StoredProject(String id, String owner, Environment environment, ProjectStatus status, Project project,
        Optional<URI> callbackUrl, Instant created, Instant modified, long version, Optional<UUID> render,
        Optional<ProjectPublication> publication, Optional<String> failure) {

    public StoredProject {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(status);
        Objects.requireNonNull(project);
        Objects.requireNonNull(callbackUrl);
        Objects.requireNonNull(created);
        Objects.requireNonNull(modified);
        Objects.requireNonNull(render);
        Objects.requireNonNull(publication);
        Objects.requireNonNull(failure);
    }

    /** A project that has not failed. */
    public StoredProject(String id, String owner, Environment environment, ProjectStatus status, Project project,
            Optional<URI> callbackUrl, Instant created, Instant modified, long version, Optional<UUID> render,
            Optional<ProjectPublication> publication) {
        this(id, owner, environment, status, project, callbackUrl, created, modified, version, render, publication,
                Optional.empty());
    }

    /** A project that no render has touched yet. */
    public StoredProject(String id, String owner, Environment environment, ProjectStatus status, Project project,
            Optional<URI> callbackUrl, Instant created, Instant modified, long version) {
        this(id, owner, environment, status, project, callbackUrl, created, modified, version, Optional.empty(),
                Optional.empty());
    }

    /** This project changed by the update at {@code now}, one version later. */
    public StoredProject updated(ProjectUpdate update, Instant now) {
        return new StoredProject(id, owner, environment, status, project.with(update),
                update.callbackUrl().isPresent() ? update.callbackUrl() : callbackUrl, created, now, version + 1,
                render, publication);
    }

    /** This draft, {@code processing} by the render {@code renderId} from {@code now}. */
    public StoredProject processing(UUID renderId, Instant now) {
        return new StoredProject(id, owner, environment, ProjectStatus.PROCESSING, project, callbackUrl, created, now,
                version + 1, Optional.of(renderId), Optional.empty());
    }

    /** This project, published with its hosted videos at {@code now}. */
    public StoredProject published(ProjectPublication hosted, Instant now) {
        return new StoredProject(id, owner, environment, ProjectStatus.PUBLISHED, project, callbackUrl, created, now,
                version + 1, render, Optional.of(hosted));
    }

    /** This project, failed at {@code now} for {@code reason}. */
    public StoredProject failed(String reason, Instant now) {
        return new StoredProject(id, owner, environment, ProjectStatus.FAILED, project, callbackUrl, created, now,
                version + 1, render, Optional.empty(), Optional.of(reason));
    }
}
