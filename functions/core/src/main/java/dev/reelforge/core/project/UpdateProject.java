package dev.reelforge.core.project;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /me/videos/{id}}: changes the fields the update names, on the caller's draft only. Fields are read by
 * {@link ProjectUpdateReader} (unknown ones refused by name); a style must be one of the {@link StyleBook}'s. The
 * write is conditional on the draft's version, retried on a concurrent change.
 */
public final class UpdateProject {

    private static final Pattern PRINTABLE_STYLE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Projects projects;
    private final StyleBook styles;
    private final Clock clock;

    public UpdateProject(Projects projects, StyleBook styles, Clock clock) {
        this.projects = projects;
        this.styles = styles;
        this.clock = clock;
    }

    public ProjectUpdated update(UpdateProjectCommand command) {
        ProjectUpdate update;
        switch (new ProjectUpdateReader().read(command.fields())) {
            case ProjectUpdateReading.Refused refused -> {
                return new ProjectUpdated.Refused(refused.message());
            }
            case ProjectUpdateReading.Read read -> update = read.update();
        }
        Optional<String> unknownStyle = update.style().filter(style -> styles.style(style).isEmpty());
        if (unknownStyle.isPresent()) {
            String known = String.join(", ", styles.all().stream().map(Style::machineName).sorted().toList());
            String named = PRINTABLE_STYLE.matcher(unknownStyle.get()).matches()
                    ? "style \"" + unknownStyle.get() + "\" is not a known style" : "style is not a known style";
            return new ProjectUpdated.Refused(named + " (known: " + known + ")");
        }
        ProjectLookup lookup = command.lookup();
        if (!ProjectId.isWellFormed(lookup.id())) {
            return new ProjectUpdated.NotFound();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredProject> found = projects.find(lookup.owner(), lookup.environment(), lookup.id());
            if (found.isEmpty()) {
                return new ProjectUpdated.NotFound();
            }
            StoredProject current = found.get();
            if (current.status() != ProjectStatus.INITIAL) {
                return new ProjectUpdated.NotADraft(current.status());
            }
            StoredProject updated = current.updated(update, clock.instant());
            if (projects.replaceDraft(updated, current.version())) {
                return new ProjectUpdated.Updated(updated);
            }
        }
        throw new IllegalStateException("the draft kept changing while it was being updated");
    }
}
