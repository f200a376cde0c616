package dev.reelforge.core.project;

/**
 * {@code DELETE /me/videos/{id}}: removes the caller's project (its draft marker too when it is the draft). A
 * published video's renditions are not made yet, so there is nothing else to delete.
 */
public final class DeleteProject {

    private final Projects projects;

    public DeleteProject(Projects projects) {
        this.projects = projects;
    }

    /** False when the caller has no such project. */
    public boolean delete(ProjectLookup command) {
        return ProjectId.isWellFormed(command.id())
                && projects.delete(command.owner(), command.environment(), command.id());
    }
}
