package dev.reelforge.core.project;

import java.util.List;

/** Projects newest first, and whether older and newer ones exist beyond the page. */
public record ProjectPage(List<StoredProject> projects, boolean olderExist, boolean newerExist) {

    public ProjectPage {
        projects = List.copyOf(projects);
    }
}
