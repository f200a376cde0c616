package dev.reelforge.core.project;

import java.net.URI;
import java.util.Optional;

/** The public links of published public projects, by project id alone (the link carries no owner). */
public interface PublicLinks {

    /** Where the project's link leads: its best quality's CDN URL; empty for any other project or id. */
    Optional<URI> target(String projectId);
}
