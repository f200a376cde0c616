package dev.reelforge.core.project;

import dev.reelforge.core.asset.DeleteRenderAssets;
import dev.reelforge.core.asset.DeleteRenderAssetsCommand;
import java.util.Optional;

/**
 * {@code DELETE /me/videos/{id}}: removes the caller's project (its draft marker too when it is the draft, its
 * public link when it has one). A project its render has settled (published, or failed with some files hosted) has
 * its hosted files deleted first, as the Serve API deletes a render's assets, so that a failure in between leaves
 * the project to be deleted again rather than files nobody can name.
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

    /** False when the caller has no such project. */
    public boolean delete(ProjectLookup command) {
        if (!ProjectId.isWellFormed(command.id())) {
            return false;
        }
        Optional<StoredProject> found = projects.find(command.owner(), command.environment(), command.id());
        if (found.isEmpty()) {
            return false;
        }
        StoredProject project = found.get();
        boolean settled = project.status() == ProjectStatus.PUBLISHED || project.status() == ProjectStatus.FAILED;
        if (settled && project.render().isPresent() && renderAssets.isPresent()) {
            renderAssets.get().delete(new DeleteRenderAssetsCommand(project.owner(), project.environment(),
                    project.render().get()));
        }
        return projects.delete(command.owner(), command.environment(), command.id());
    }
}
