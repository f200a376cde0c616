package dev.reelforge.core.project;

import java.util.Optional;

/** {@code GET /me/videos/{id}}: the caller's project; another owner's or environment's is not found. */
public final class GetProject {

    private final Projects projects;

    public GetProject(Projects projects) {
        this.projects = projects;
    }

    public Optional<StoredProject> get(ProjectLookup command) {
        if (!ProjectId.isWellFormed(command.id())) {
            return Optional.empty();
        }
        return projects.find(command.owner(), command.environment(), command.id());
    }
}
