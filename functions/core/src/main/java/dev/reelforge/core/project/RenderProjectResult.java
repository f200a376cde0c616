package dev.reelforge.core.project;

import java.util.UUID;

/** How {@code POST /me/videos/{id}/render} went. */
public sealed interface RenderProjectResult {

    /** The render is queued and paid for; the project is {@code processing}. */
    record Queued(UUID renderId) implements RenderProjectResult {}

    record NotFound() implements RenderProjectResult {}

    /** Only a draft ({@code initial}) is rendered. */
    record NotADraft(ProjectStatus status) implements RenderProjectResult {}

    /** One of Picovico's 74xx codes ({@link RenderReadiness}, {@link RenderProject}), with a sentence naming why. */
    record Refused(int code, String message) implements RenderProjectResult {}

    /** The edit the project makes, or its callback URL, is not one Reelforge renders: a sentence naming the part. */
    record Invalid(String message) implements RenderProjectResult {}
}
