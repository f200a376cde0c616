package dev.reelforge.core.template;

/**
 * Deletes the caller's template. Renders made from it are not touched: each holds its own copy of the edit. Deleting
 * it again finds nothing.
 */
public final class DeleteTemplate {

    private final Templates templates;

    public DeleteTemplate(Templates templates) {
        this.templates = templates;
    }

    /** False when the caller has no such template. */
    public boolean delete(TemplateLookup lookup) {
        return templates.remove(lookup.owner(), lookup.environment(), lookup.id());
    }
}
