package dev.reelforge.core.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /me/videos}: the caller's projects newest first, keyset-paged by creation time, so a page boundary is a
 * time and projects made meanwhile neither repeat nor hide what follows.
 */
public final class ListProjects {

    private final Projects projects;

    public ListProjects(Projects projects) {
        this.projects = projects;
    }

    public ProjectPage list(ListProjectsCommand command) {
        String owner = command.owner();
        int count = command.count();
        return switch (command.cursor()) {
            case ListProjectsCommand.Cursor.Newest newest -> {
                List<StoredProject> found = projects.olderThan(owner, command.environment(), Optional.empty(), count + 1);
                yield new ProjectPage(found.subList(0, Math.min(count, found.size())), found.size() > count, false);
            }
            case ListProjectsCommand.Cursor.Before before -> {
                List<StoredProject> found = projects.olderThan(owner, command.environment(),
                        Optional.of(before.time()), count + 1);
                List<StoredProject> page = found.subList(0, Math.min(count, found.size()));
                boolean newer = !page.isEmpty()
                        && !projects.newerThan(owner, command.environment(), page.getFirst().created(), 1).isEmpty();
                yield new ProjectPage(page, found.size() > count, newer);
            }
            case ListProjectsCommand.Cursor.After after -> {
                List<StoredProject> found = projects.newerThan(owner, command.environment(), after.time(), count + 1);
                List<StoredProject> page = new ArrayList<>(found.subList(0, Math.min(count, found.size())));
                Collections.reverse(page);
                boolean older = !page.isEmpty() && !projects.olderThan(owner, command.environment(),
                        Optional.of(page.getLast().created()), 1).isEmpty();
                yield new ProjectPage(page, older, found.size() > count);
            }
        };
    }
}
