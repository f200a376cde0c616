package dev.reelforge.core.template;

import dev.reelforge.core.Environment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where templates are kept, by owner. Reads name the owner; a template of another environment is the caller's to
 * filter out ({@link TemplateLookup}). Changes are conditional: an update or removal of a template that is gone, or
 * of another environment, changes nothing and says so.
 */
public interface Templates {

    /** Stores a new template; ids are unique, so an existing one is a defect (thrown). */
    void add(Template template);

    Optional<Template> find(String owner, UUID id);

    /** Replaces the stored template of the same owner, id and environment; false when there is none. */
    boolean replace(Template template);

    /** Removes the owner's template in {@code environment}; false when there was none. */
    boolean remove(String owner, Environment environment, UUID id);

    /** The owner's templates in {@code environment}, most recently created first, at most {@code limit}. */
    List<TemplateSummary> list(String owner, Environment environment, int limit);

    /** How many templates the owner has in {@code environment}. */
    int count(String owner, Environment environment);
}
