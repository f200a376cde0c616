package dev.reelforge.core.project;

public sealed interface SettleProjectResult {

    record Published(String projectId) implements SettleProjectResult {}

    /** Failed, its credits refunded. */
    record Failed(String projectId, String reason) implements SettleProjectResult {}

    /** The render or some of its files are still on their way. */
    record Waiting(String projectId, String reason) implements SettleProjectResult {}

    /** Settled before (a repeated or late event): nothing changed, its callback was made sure of. */
    record AlreadySettled(String projectId) implements SettleProjectResult {}

    /** No project waits on this render (a render of an edit alone, a deleted project, an unknown render). */
    record NothingToSettle(String reason) implements SettleProjectResult {}
}
