package dev.reelforge.core.project;

import dev.reelforge.core.render.Render;

/**
 * Renders of projects paid for in credits: each change of a project's render moves its credits in the same atomic
 * write, on condition that the project is where the change expects it, so a repeated request or event finds its
 * condition false and neither debits nor refunds twice.
 */
public interface CreditedRenders {

    /**
     * In one write: debits {@code credits} from the owner's balance (if it holds that many), stores the queued
     * {@code render}, and replaces the {@code draft} (still the draft at its version) by {@code processing}, which is
     * no longer the owner's draft.
     */
    Queuing queue(StoredProject draft, StoredProject processing, Render render, long credits);

    /**
     * In one write: replaces {@code processing} (still processing by its render) by {@code failed} and refunds
     * {@code credits}; false when the project had moved on (settled already, or deleted).
     */
    boolean failAndRefund(StoredProject processing, StoredProject failed, long credits);

    /**
     * Replaces {@code processing} (still processing by its render) by {@code published}, with its public link when
     * the project is public; false when the project had moved on.
     */
    boolean publish(StoredProject processing, StoredProject published);

    enum Queuing {
        QUEUED,
        /** The balance holds fewer credits than the render costs (or none was opened): nothing changed. */
        INSUFFICIENT_CREDITS,
        /** The draft changed (or stopped being the draft) since it was read: nothing changed. */
        DRAFT_CHANGED
    }
}
