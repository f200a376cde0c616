package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An owner changes the title, description or protection of one of its videos (an empty one is left as it is). */
public record UpdateVideoCommand(String owner, Environment environment, UUID id, Optional<String> title,
        Optional<String> description, Optional<Protection> protection) {

    public UpdateVideoCommand {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(protection, "protection");
    }
}
