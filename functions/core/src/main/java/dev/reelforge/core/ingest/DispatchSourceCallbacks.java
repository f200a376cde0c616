package dev.reelforge.core.ingest;

import dev.reelforge.core.callback.CallbackPayload;
import dev.reelforge.core.callback.CallbackQueue;
import dev.reelforge.core.callback.Deliveries;
import dev.reelforge.core.callback.Delivery;
import dev.reelforge.core.callback.DeliveryState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells a source's {@code callback} what of it ended: the source once {@code ready} or {@code failed}, and each
 * rendition once {@code ready} or {@code failed}, each as Shotstack's ingest body ({@link CallbackPayload.Ingest}),
 * signed, sent and retried by the callbacks' deliveries as renders' callbacks are. A delivery's id is derived from what
 * ended and how, so the source's every change may dispatch again: what was dispatched already is not sent twice
 * (unless its first message was never attempted, as {@code DispatchCallback} does).
 *
 * @return the ids of the deliveries whose message was sent now
 */
public final class DispatchSourceCallbacks {

    private final Sources sources;
    private final Deliveries deliveries;
    private final CallbackQueue queue;
    private final Clock clock;

    public DispatchSourceCallbacks(Sources sources, Deliveries deliveries, CallbackQueue queue, Clock clock) {
        this.sources = sources;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    public List<String> dispatch(DispatchSourceCallbacksCommand command) {
        Optional<Source> found = sources.find(command.owner(), command.sourceId());
        if (found.isEmpty() || found.get().callback().isEmpty()) {
            return List.of();
        }
        Source source = found.get();
        List<String> sent = new ArrayList<>();
        for (CallbackPayload.Ingest payload : payloads(source)) {
            Delivery pending = Delivery.pending(payload, source.callback().get(), clock.instant());
            boolean send = deliveries.create(pending) || deliveries.find(pending.id())
                    .filter(existing -> existing.state() == DeliveryState.PENDING && existing.attempts() == 0)
                    .isPresent();
            if (send) {
                queue.enqueue(pending.id(), Duration.ZERO);
                sent.add(pending.id());
            }
        }
        return sent;
    }

    private static List<CallbackPayload.Ingest> payloads(Source source) {
        List<CallbackPayload.Ingest> payloads = new ArrayList<>();
        if (source.status() == SourceStatus.READY || source.status() == SourceStatus.FAILED) {
            payloads.add(new CallbackPayload.Ingest(source.id(), source.id(), source.owner(), "source",
                    source.status().wireName(), source.url(), source.error(), source.updated()));
        }
        if (source.status() == SourceStatus.DELETED) {
            return payloads;
        }
        for (Rendition rendition : source.renditions()) {
            if (rendition.status() == RenditionStatus.READY || rendition.status() == RenditionStatus.FAILED) {
                payloads.add(new CallbackPayload.Ingest(rendition.id(), source.id(), source.owner(), "rendition",
                        rendition.status().wireName(), rendition.url(), rendition.error(), source.updated()));
            }
        }
        return payloads;
    }
}
