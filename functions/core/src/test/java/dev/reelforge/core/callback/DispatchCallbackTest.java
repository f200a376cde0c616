package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.InMemoryAssets;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DispatchCallbackTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String OWNER = "owner12345";

    private final InMemoryRenders renders = new InMemoryRenders();
    private final InMemoryAssets assets = new InMemoryAssets();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final InMemoryCallbackQueue queue = new InMemoryCallbackQueue();
    private final DispatchCallback dispatch = new DispatchCallback(renders, assets, deliveries, queue,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private UUID doneRender(String callback) {
        UUID id = UUID.randomUUID();
        JsonNode edit = Json.object().put("callback", callback);
        renders.add(new Render(id, OWNER, Environment.STAGE, RenderStatus.DONE, edit, NOW.minusSeconds(9),
                NOW.minusSeconds(1), Optional.empty(),
                Optional.of(new RenderResult("https://temp.example/" + id + ".mp4", Optional.empty(), Optional.empty(),
                        2, 900))));
        return id;
    }

    @Test
    void aRenderThatEndedWithACallbackGetsOneDeliveryAndItsFirstMessageAtOnce() throws Exception {
        UUID render = doneRender("https://hooks.example.com/reelforge");

        DispatchCallbackResult result = dispatch.dispatch(new DispatchCallbackCommand(OWNER, render, Optional.empty(),
                "done"));

        String id = DeliveryId.of(render, "done");
        assertThat(result).isEqualTo(new DispatchCallbackResult.Dispatched(id));
        assertThat(queue.messages).containsExactly(new InMemoryCallbackQueue.Message(id, Duration.ZERO));
        Delivery delivery = deliveries.find(id).orElseThrow();
        assertThat(delivery.callbackUrl()).isEqualTo("https://hooks.example.com/reelforge");
        assertThat(delivery.event()).isEqualTo("render.done");
        JsonNode payload = Json.MAPPER.readTree(delivery.payload());
        assertThat(payload.path("type").asText()).isEqualTo("edit");
        assertThat(payload.path("action").asText()).isEqualTo("render");
        assertThat(payload.path("id").asText()).isEqualTo(render.toString());
        assertThat(payload.path("status").asText()).isEqualTo("done");
        assertThat(payload.path("url").asText()).isEqualTo("https://temp.example/" + render + ".mp4");
        assertThat(payload.path("error").isNull()).isTrue();
    }

    @Test
    void aRepeatedEventOfADeliveryAlreadyAttemptedSendsNothingMore() {
        UUID render = doneRender("https://hooks.example.com/reelforge");
        DispatchCallbackCommand command = new DispatchCallbackCommand(OWNER, render, Optional.empty(), "done");
        dispatch.dispatch(command);
        deliveries.recordAttempt(new Attempt(DeliveryId.of(render, "done"), 1, Optional.of(503),
                Optional.of("the receiver answered 503"), DeliveryState.PENDING, Optional.of(NOW.plusSeconds(5)),
                Optional.of(NOW), NOW));

        DispatchCallbackResult again = dispatch.dispatch(command);

        assertThat(again).isInstanceOf(DispatchCallbackResult.AlreadyDispatched.class);
        assertThat(queue.messages).hasSize(1);
    }

    @Test
    void aRepeatedEventOfADeliveryNeverAttemptedSendsItsFirstMessageAgain() {
        // a crash between creating the delivery and sending its message: the message is gone, the event comes again
        UUID render = doneRender("https://hooks.example.com/reelforge");
        DispatchCallbackCommand command = new DispatchCallbackCommand(OWNER, render, Optional.empty(), "done");
        dispatch.dispatch(command);
        queue.messages.clear();

        DispatchCallbackResult again = dispatch.dispatch(command);

        String id = DeliveryId.of(render, "done");
        assertThat(again).isEqualTo(new DispatchCallbackResult.SentAgain(id));
        assertThat(queue.messages).containsExactly(new InMemoryCallbackQueue.Message(id, Duration.ZERO));
        assertThat(deliveries.find(id).orElseThrow().attempts()).isZero();
    }

    @Test
    void aRenderNotEndedWithoutACallbackOrMissingSendsNothing() {
        UUID queued = UUID.randomUUID();
        renders.add(Render.queued(queued, OWNER, Environment.STAGE,
                Json.object().put("callback", "https://hooks.example.com/x"), NOW));
        UUID withoutCallback = doneRender("https://unused.example.com/");
        renders.add(new Render(withoutCallback, OWNER, Environment.STAGE, RenderStatus.DONE, Json.object(), NOW, NOW,
                Optional.empty(), Optional.of(new RenderResult("https://t/x.mp4", Optional.empty(), Optional.empty(),
                        1, 1))));

        assertThat(dispatch.dispatch(new DispatchCallbackCommand(OWNER, queued, Optional.empty(), "done")))
                .isInstanceOf(DispatchCallbackResult.NothingToSend.class);
        assertThat(dispatch.dispatch(new DispatchCallbackCommand(OWNER, withoutCallback, Optional.empty(), "done")))
                .isInstanceOf(DispatchCallbackResult.NothingToSend.class);
        assertThat(dispatch.dispatch(new DispatchCallbackCommand(OWNER, UUID.randomUUID(), Optional.empty(), "done")))
                .isInstanceOf(DispatchCallbackResult.NothingToSend.class);
        assertThat(queue.messages).isEmpty();
    }

    @Test
    void anAssetDeletedBeforeItsReadyEventWasHandledIsStillAnnouncedAsReadyWithItsUrl() throws Exception {
        UUID render = doneRender("https://hooks.example.com/reelforge");
        Asset importing = Asset.importing(OWNER, Environment.STAGE, "us-east-1", render, render + ".mp4",
                NOW.minusSeconds(5));
        assets.begin(importing);
        assets.markReady(OWNER, importing.id(), "https://cdn.example/" + OWNER + "/" + render + ".mp4", NOW);
        assets.markDeleted(OWNER, importing.id(), NOW.plusSeconds(1));

        dispatch.dispatch(new DispatchCallbackCommand(OWNER, render, Optional.of(importing.id()), "ready"));

        Delivery delivery = deliveries.find(DeliveryId.of(importing.id(), "ready")).orElseThrow();
        assertThat(delivery.event()).isEqualTo("asset.ready");
        JsonNode payload = Json.MAPPER.readTree(delivery.payload());
        assertThat(payload.path("type").asText()).isEqualTo("serve");
        assertThat(payload.path("action").asText()).isEqualTo("copy");
        assertThat(payload.path("render").asText()).isEqualTo(render.toString());
        assertThat(payload.path("status").asText()).isEqualTo("ready");
        assertThat(payload.path("url").asText()).isEqualTo("https://cdn.example/" + OWNER + "/" + render + ".mp4");
    }
}
