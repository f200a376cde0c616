package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallbackPayloadTest {

    private static final UUID RENDER = UUID.fromString("2abd5c11-0f3d-4c6d-ba20-235fc9b8e8b7");
    private static final UUID ASSET = UUID.fromString("6f9d0a2e-91c2-3f4e-8a1b-0b2c3d4e5f60");
    private static final Instant COMPLETED = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void aDoneRenderIsSentAsShotstacksEditRenderCallback() {
        CallbackPayload payload = new CallbackPayload.Render(RENDER, "t7clwb0ir7", "done",
                Optional.of("https://temp.example/t7clwb0ir7/" + RENDER + ".mp4"), Optional.empty(), COMPLETED);

        assertThat(payload.json()).isEqualTo("{\"type\":\"edit\",\"action\":\"render\",\"id\":\"" + RENDER
                + "\",\"owner\":\"t7clwb0ir7\",\"status\":\"done\",\"url\":\"https://temp.example/t7clwb0ir7/" + RENDER
                + ".mp4\",\"error\":null,\"completed\":\"2026-03-04T05:06:07.000Z\"}");
        assertThat(payload.event()).isEqualTo("render.done");
        assertThat(payload.renderId()).isEqualTo(RENDER);
    }

    @Test
    void aFailedRenderHasANullUrlAndItsError() {
        CallbackPayload payload = new CallbackPayload.Render(RENDER, "t7clwb0ir7", "failed", Optional.empty(),
                Optional.of("timeline.tracks[0].clips[0] could not be fetched"), COMPLETED);

        assertThat(payload.json()).contains("\"status\":\"failed\",\"url\":null,"
                + "\"error\":\"timeline.tracks[0].clips[0] could not be fetched\"");
    }

    @Test
    void aReadyAssetIsSentAsShotstacksServeCopyCallbackNamingItsRender() {
        CallbackPayload payload = new CallbackPayload.Asset(ASSET, RENDER, "t7clwb0ir7", "ready",
                Optional.of("https://cdn.example/t7clwb0ir7/" + RENDER + ".mp4"), Optional.empty(),
                Instant.parse("2026-03-04T05:06:07.123456Z"));

        assertThat(payload.json()).isEqualTo("{\"type\":\"serve\",\"action\":\"copy\",\"id\":\"" + ASSET
                + "\",\"render\":\"" + RENDER + "\",\"owner\":\"t7clwb0ir7\",\"status\":\"ready\","
                + "\"url\":\"https://cdn.example/t7clwb0ir7/" + RENDER + ".mp4\",\"error\":null,"
                + "\"completed\":\"2026-03-04T05:06:07.123Z\"}");
        assertThat(payload.event()).isEqualTo("asset.ready");
        assertThat(payload.renderId()).isEqualTo(RENDER);
    }

    @Test
    void theSameEventAlwaysHasTheSameDeliveryIdAndAnotherEventAnother() {
        CallbackPayload done = new CallbackPayload.Render(RENDER, "o", "done", Optional.empty(), Optional.empty(),
                COMPLETED);

        assertThat(done.deliveryId()).isEqualTo(DeliveryId.of(RENDER, "done")).matches("msg_[a-z2-7]{26}");
        assertThat(DeliveryId.of(RENDER, "failed")).isNotEqualTo(done.deliveryId());
        assertThat(new CallbackPayload.Asset(ASSET, RENDER, "o", "ready", Optional.empty(), Optional.empty(),
                COMPLETED).deliveryId()).isNotEqualTo(done.deliveryId());
    }
}
