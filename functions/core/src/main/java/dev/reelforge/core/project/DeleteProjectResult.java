package dev.reelforge.core.project;

/** How {@code DELETE /me/videos/{id}} went. */
public sealed interface DeleteProjectResult {

    record Deleted() implements DeleteProjectResult {}

    /** The caller has no such project. */
    record NotFound() implements DeleteProjectResult {}

    /** Its render is under way: the video can be deleted once it is published or failed. */
    record Processing() implements DeleteProjectResult {}
}
