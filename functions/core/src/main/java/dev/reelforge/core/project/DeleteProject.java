package dev.reelforge.core.project;

import dev.reelforge.core.asset.DeleteRenderAssets;
import dev.reelforge.core.asset.DeleteRenderAssetsCommand;
import java.util.Optional;

/**
 * {@code DELETE /me/videos/{id}}: removes the caller's project (its draft marker too when it is the draft, its
 * public link when it has one). A project its render has settled (published, or failed with some files hosted) has
 * its hosted files deleted first, as the Serve API deletes a render's assets, so that a failure in between leaves
 * the project to be deleted again rather than files nobody can name. A project still {@code processing} is not
 * deleted: its render would go on to host files and settle nothing (the answer names the wait).
 */
public final class DeleteProject {

    private final Projects projects;
    private final Optional<DeleteRenderAssets> renderAssets;

    /** A stack whose projects are never rendered: nothing is hosted. */
    public DeleteProject(Projects projects) {
        this.projects = projects;
        this.renderAssets = Optional.empty();
    }

    public DeleteProject(Projects projects, DeleteRenderAssets renderAssets) {
        this.projects = projects;
        this.renderAssets = Optional.of(renderAssets);
    }

    public DeleteProjectResult delete(ProjectLookup command) {
        if (!ProjectId.isWellFormed(command.id())) {
            return new DeleteProjectResult.NotFound();
        }
        Optional<StoredProject> found = projects.find(command.owner(), command.environment(), command.id());
        if (found.isEmpty()) {
            return new DeleteProjectResult.NotFound();
        }
        StoredProject project = found.get();
        if (project.status() == ProjectStatus.PROCESSING) {
            return new DeleteProjectResult.Processing();
        }
        boolean settled = project.status() == ProjectStatus.PUBLISHED || project.status() == ProjectStatus.FAILED;
        if (settled && project.render().isPresent() && renderAssets.isPresent()) {
            renderAssets.get().delete(new DeleteRenderAssetsCommand(project.owner(), project.environment(),
                    project.render().get()));
        }
        return projects.delete(command.owner(), command.environment(), command.id())
                ? new DeleteProjectResult.Deleted() : new DeleteProjectResult.NotFound();
    }
}
