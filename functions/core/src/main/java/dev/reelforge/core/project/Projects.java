package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where projects are kept, per owner and environment. */
public interface Projects {

    Optional<StoredProject> find(String owner, Environment environment, String id);

    /** The owner's one draft ({@code initial}) in the environment, if any. */
    Optional<StoredProject> findDraft(String owner, Environment environment);

    /** Adds a draft atomically with the owner's draft marker; false when the owner already has a draft. */
    boolean addDraft(StoredProject draft);

    /** Replaces a draft if it is still a draft at {@code expectedVersion}; false otherwise. */
    boolean replaceDraft(StoredProject updated, long expectedVersion);

    /** Deletes the project (and the draft marker when it is the draft); false when there was none. */
    boolean delete(String owner, Environment environment, String id);

    /** Up to {@code limit} projects created before {@code before} (all when empty), newest first. */
    List<StoredProject> olderThan(String owner, Environment environment, Optional<Instant> before, int limit);

    /** Up to {@code limit} projects created after {@code after}, oldest first. */
    List<StoredProject> newerThan(String owner, Environment environment, Instant after, int limit);
}
