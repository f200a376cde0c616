package dev.reelforge.core.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code POST /me/videos}: the owner's draft in the environment, made when there is none. One draft per owner and
 * environment, race-safe: the draft is added together with a marker that only one writer can create; a loser
 * answers the winner's draft. The name given to an existing draft is ignored, as Picovico answers "the last draft".
 * As only one draft can be made at a time, its creation time can be made later than every other project's.
 */
public final class CreateProject {

    private final Projects projects;
    private final Clock clock;
    private final RandomGenerator random;

    public CreateProject(Projects projects, Clock clock, RandomGenerator random) {
        this.projects = projects;
        this.clock = clock;
        this.random = random;
    }

    public StoredProject create(CreateProjectCommand command) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredProject> draft = projects.findDraft(command.owner(), command.environment());
            if (draft.isPresent()) {
                return draft.get();
            }
            Instant now = after(projects.olderThan(command.owner(), command.environment(), Optional.empty(), 1),
                    clock.instant());
            StoredProject created = new StoredProject(ProjectId.generate(now, random), command.owner(),
                    command.environment(), ProjectStatus.INITIAL, Project.draft(command.name()), Optional.empty(),
                    now, now, 1);
            if (projects.addDraft(created)) {
                return created;
            }
        }
        throw new IllegalStateException("the owner's draft kept changing while it was being made");
    }

    /**
     * Creation times are strictly increasing per owner and environment (a millisecond after the newest when the clock
     * has not moved past it), so a paging boundary, a creation time, never falls between two projects.
     */
    private static Instant after(List<StoredProject> newest, Instant now) {
        return newest.isEmpty() || now.isAfter(newest.getFirst().created()) ? now
                : newest.getFirst().created().plusMillis(1);
    }
}
