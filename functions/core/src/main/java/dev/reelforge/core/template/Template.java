package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved edit with a name, its owner's in one environment. {@code edit} is kept as it was saved, placeholders and
 * merge fields (the defaults a render's own merge fields override) included.
 */
public record Template(UUID id, String owner, Environment environment, String name, JsonNode edit, Instant created,
        Instant updated) {

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    /** This template with another name and edit, changed at {@code now}. */
    public Template revised(String newName, JsonNode newEdit, Instant now) {
        return new Template(id, owner, environment, newName, newEdit, created, now);
    }
}
