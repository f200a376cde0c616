package dev.reelforge.core.project;

/** What an update came to. */
public sealed interface ProjectUpdated {

    record Updated(StoredProject project) implements ProjectUpdated {}

    record NotFound() implements ProjectUpdated {}

    /** The project is no longer a draft ({@code processing}, {@code published}, {@code failed}). */
    record NotADraft(ProjectStatus status) implements ProjectUpdated {}

    /** A field is wrong; {@code message} names it. */
    record Refused(String message) implements ProjectUpdated {}
}
