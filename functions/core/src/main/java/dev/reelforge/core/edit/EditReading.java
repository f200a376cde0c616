package dev.reelforge.core.edit;

import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.validation.Violation;
import java.util.List;

/** A valid edit read as a renderable {@link Edit}, or the parts of it Reelforge cannot render yet. */
public sealed interface EditReading {

    record Renderable(Edit edit) implements EditReading {}

    record Unsupported(List<Violation> violations) implements EditReading {

        public Unsupported {
            violations = List.copyOf(violations);
        }
    }
}
