package dev.reelforge.core.destination;

import dev.reelforge.core.render.RenderKey;
import java.util.List;

public sealed interface DeliverOutputResult {

    /** The object is no output of a render with s3 destinations (or of a cancelled render): nothing was copied. */
    record NoDestinations() implements DeliverOutputResult {}

    /** The output was sent to each s3 destination of the render; each delivery says how it went. */
    record Delivered(RenderKey render, List<Delivery> deliveries) implements DeliverOutputResult {}

    record Delivery(S3Destination destination, DestinationCopier.Delivery outcome) {

        public boolean refused() {
            return outcome instanceof DestinationCopier.Delivery.Refused;
        }
    }
}
