package dev.reelforge.core.ingest;

import dev.reelforge.core.validation.Violation;
import java.util.List;

/** A source's {@code outputs.renditions} read as what to make, or what is wrong with it (each naming its field). */
public sealed interface RenditionsReading {

    record Read(List<RenditionSpec> renditions) implements RenditionsReading {

        public Read {
            renditions = List.copyOf(renditions);
        }
    }

    record Invalid(List<Violation> violations) implements RenditionsReading {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
