package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.InMemoryRenders;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeleteProjectTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final InMemoryProjects projects = new InMemoryProjects(new InMemoryRenders());
    private final DeleteProject deleteProject = new DeleteProject(projects);

    @Test
    void aVideoBeingRenderedIsNotDeletedUntilItIsSettled() {
        StoredProject processing = new StoredProject(ProjectId.generate(NOW, new Random(1)), "owner-1",
                Environment.STAGE, ProjectStatus.PROCESSING, Project.draft(Optional.of("Holiday")), Optional.empty(),
                NOW, NOW, 2, Optional.of(UUID.randomUUID()), Optional.empty());
        projects.addDraft(processing);
        ProjectLookup lookup = new ProjectLookup("owner-1", Environment.STAGE, processing.id());

        assertThat(deleteProject.delete(lookup)).isEqualTo(new DeleteProjectResult.Processing());
        assertThat(projects.find("owner-1", Environment.STAGE, processing.id())).isPresent();

        projects.failAndRefund(processing, processing.failed("the render failed", NOW), 40);
        assertThat(deleteProject.delete(lookup)).isEqualTo(new DeleteProjectResult.Deleted());
        assertThat(deleteProject.delete(lookup)).isEqualTo(new DeleteProjectResult.NotFound());
    }
}
