package dev.reelforge.hosting;

import dev.reelforge.core.destination.DestinationCopier;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;

/**
 * Ends a {@code destination.delivered} line with the copy's outcome, the same for a render's outputs
 * ({@link PromoteOutputFunction}) and a transfer's file ({@link DeliverTransfersFunction}): where it went and
 * how big, or why the bucket refused it, with the {@code DestinationFailures} metric.
 */
final class DestinationDeliveryLine {

    private DestinationDeliveryLine() {}

    static void write(LogEvent line, DestinationCopier.Delivery outcome) {
        switch (outcome) {
            case DestinationCopier.Delivery.Delivered done -> line.outcome("delivered")
                    .field("bucket", done.bucket()).field("object", done.key()).field("bytes", done.bytes())
                    .metric("DestinationFailures", 0, MetricUnit.COUNT).info();
            case DestinationCopier.Delivery.Refused refused -> line.outcome("refused")
                    .field("bucket", refused.bucket()).field("object", refused.key())
                    .field("error", refused.reason())
                    .metric("DestinationFailures", 1, MetricUnit.COUNT).warn();
        }
    }
}
