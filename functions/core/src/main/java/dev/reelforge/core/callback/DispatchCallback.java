package dev.reelforge.core.callback;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.Renders;
import dev.reelforge.core.render.SubmitRender;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a render that ended ({@code done} or {@code failed}), or one of its assets that did ({@code ready} or
 * {@code failed}, or {@code expired}: deleted by its video's expiration rule), into a callback delivery to the render's {@code callback} URL, and sends its first message.
 * The delivery's id is derived from what ended and how ({@link DeliveryId}), so however often the event is
 * announced there is one delivery: a repeat finds it created and sends nothing once an attempt was made. A repeat
 * that finds no attempt made yet sends the first message again: a crash between creating the delivery and sending
 * its message leaves exactly that, and the event comes again because the crash kept it from being acknowledged
 * (a second copy of a message that did go out finds the delivery attempted, or delivered, when its turn comes).
 */
public final class DispatchCallback {

    private final Renders renders;
    private final Assets assets;
    private final Deliveries deliveries;
    private final CallbackQueue queue;
    private final Clock clock;

    public DispatchCallback(Renders renders, Assets assets, Deliveries deliveries, CallbackQueue queue, Clock clock) {
        this.renders = renders;
        this.assets = assets;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    public DispatchCallbackResult dispatch(DispatchCallbackCommand command) {
        Optional<Render> render = renders.find(command.owner(), command.renderId());
        if (render.isEmpty()) {
            return new DispatchCallbackResult.NothingToSend("no render " + command.renderId());
        }
        Optional<URI> callback = SubmitRender.callbackOf(MergeFields.apply(render.get().edit()));
        if (callback.isEmpty()) {
            return new DispatchCallbackResult.NothingToSend("render " + command.renderId() + " asked for no callback");
        }
        Optional<CallbackPayload> payload = command.assetId().isPresent()
                ? assets.find(command.owner(), command.assetId().get())
                        .flatMap(asset -> payloadOf(asset, command.status()))
                : payloadOf(render.get(), command.status());
        if (payload.isEmpty()) {
            return new DispatchCallbackResult.NothingToSend("nothing ended " + command.status() + " for " + command);
        }
        Delivery pending = Delivery.pending(payload.get(), callback.get().toString(), clock.instant());
        if (!deliveries.create(pending)) {
            boolean neverAttempted = deliveries.find(pending.id())
                    .filter(existing -> existing.state() == DeliveryState.PENDING && existing.attempts() == 0)
                    .isPresent();
            if (!neverAttempted) {
                return new DispatchCallbackResult.AlreadyDispatched(pending.id());
            }
            queue.enqueue(pending.id(), Duration.ZERO);
            return new DispatchCallbackResult.SentAgain(pending.id());
        }
        queue.enqueue(pending.id(), Duration.ZERO);
        return new DispatchCallbackResult.Dispatched(pending.id());
    }

    private static Optional<CallbackPayload> payloadOf(Render render, String status) {
        if (!render.status().isTerminal() || !render.status().wireName().equals(status)) {
            return Optional.empty();
        }
        return Optional.of(new CallbackPayload.Render(render.id(), render.owner(), status,
                render.result().map(RenderResult::url), render.error(), render.updated()));
    }

    private static Optional<CallbackPayload> payloadOf(Asset asset, String status) {
        if (status.equals(CallbackPayload.Expiration.DISPATCH_STATUS)) {
            return asset.status() == AssetStatus.DELETED
                    ? Optional.of(new CallbackPayload.Expiration(asset.id(), asset.renderId(), asset.owner(),
                            asset.updated()))
                    : Optional.empty();
        }
        boolean ready = status.equals(AssetStatus.READY.wireName());
        if (!ready && !status.equals(AssetStatus.FAILED.wireName())) {
            return Optional.empty();
        }
        return Optional.of(new CallbackPayload.Asset(asset.id(), asset.renderId(), asset.owner(), status,
                ready ? asset.url() : Optional.empty(), ready ? Optional.empty() : asset.error(), asset.updated()));
    }
}
