package dev.reelforge.core.destination;

import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.Renders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends one output of a render, as it appears in the temporary bucket, to each {@code s3} destination of its edit:
 * the owner's bucket, at {@code prefix/filename} with its canned ACL. Runs next to {@link PromoteOutput} on the same
 * event, whether or not the render is hosted.
 *
 * <p>Events arrive at least once: a repeat copies again and writes the same object. A bucket that refuses the copy
 * is {@link DeliverOutputResult.Delivery#refused} (logged, not retried: retrying cannot help); a failure that may
 * pass throws, and the whole event is redelivered (the hosting copy then finds its asset finished).
 */
public final class DeliverOutput {

    private final Renders renders;
    private final DestinationCopier copier;

    public DeliverOutput(Renders renders, DestinationCopier copier) {
        this.renders = renders;
        this.copier = copier;
    }

    public DeliverOutputResult deliver(DeliverOutputCommand command) {
        Optional<RenderKey> named = PromoteOutput.renderOf(command.key());
        if (named.isEmpty()) {
            return new DeliverOutputResult.NoDestinations();
        }
        RenderKey renderKey = named.get();
        Optional<Render> render = renders.find(renderKey.owner(), renderKey.id());
        if (render.isEmpty() || render.get().isCancelled()) {
            return new DeliverOutputResult.NoDestinations();
        }
        List<S3Destination> destinations = S3Destination.of(MergeFields.apply(render.get().edit()));
        if (destinations.isEmpty()) {
            return new DeliverOutputResult.NoDestinations();
        }
        Optional<String> filename = renders.outputsOf(renderKey).flatMap(outputs -> outputs.hostedFilename(
                command.key()));
        if (filename.isEmpty()) {
            return new DeliverOutputResult.NoDestinations();
        }
        List<DeliverOutputResult.Delivery> deliveries = new ArrayList<>();
        for (S3Destination destination : destinations) {
            String key = destination.keyFor(filename.get(), renderKey.id());
            deliveries.add(new DeliverOutputResult.Delivery(destination,
                    copier.copy(command.bucket(), command.key(), renderKey.owner(), destination, key)));
        }
        return new DeliverOutputResult.Delivered(renderKey, List.copyOf(deliveries));
    }
}
