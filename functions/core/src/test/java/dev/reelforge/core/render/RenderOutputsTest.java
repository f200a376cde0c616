package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderOutputsTest {

    private static final String BASE = "renders/o1/0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d";

    @Test
    void eachOutputIsHostedUnderItsRendersNameAndNothingElseIsAnOutput() {
        RenderOutputs outputs = new RenderOutputs(BASE + ".mp4", Optional.of(BASE + "-poster.0000001.jpg"),
                Optional.of(BASE + "-thumb.0000000.jpg"), true);

        assertThat(outputs.hostedFilename(BASE + ".mp4")).contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d.mp4");
        assertThat(outputs.hostedFilename(BASE + "-poster.0000001.jpg"))
                .contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-poster.jpg");
        assertThat(outputs.hostedFilename(BASE + "-thumb.0000000.jpg"))
                .contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-thumb.jpg");
        assertThat(outputs.hostedFilename(BASE + "-poster.0000000.jpg")).isEmpty();
        assertThat(outputs.hostedFilename(BASE + ".gif")).isEmpty();
        assertThat(new RenderOutputs(BASE + ".png", Optional.empty(), Optional.empty(), true)
                .hostedFilename(BASE + "-poster.0000000.jpg")).isEmpty();
    }

    @Test
    void aRenditionsFileAndCaptureAreHostedUnderItsNameAndItsFirstFrameIsNoOutput() {
        RenderOutputs outputs = new RenderOutputs(BASE + ".mp4", Optional.empty(), Optional.of(BASE + "-thumb.0000001.jpg"),
                true, List.of(
                        new RenderOutputs.RenditionOutputs("360", BASE + "-360.mp4", BASE + "-360-thumb.0000001.jpg"),
                        new RenderOutputs.RenditionOutputs("480", BASE + "-480.mp4", BASE + "-480-thumb.0000001.jpg")));

        assertThat(outputs.hostedFilename(BASE + "-360.mp4")).contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-360.mp4");
        assertThat(outputs.hostedFilename(BASE + "-480.mp4")).contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-480.mp4");
        assertThat(outputs.hostedFilename(BASE + "-360-thumb.0000001.jpg"))
                .contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-360-thumb.jpg");
        assertThat(outputs.hostedFilename(BASE + "-480-thumb.0000001.jpg"))
                .contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-480-thumb.jpg");
        assertThat(outputs.hostedFilename(BASE + "-thumb.0000001.jpg"))
                .contains("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d-thumb.jpg");
        assertThat(outputs.hostedFilename(BASE + "-360-thumb.0000000.jpg")).isEmpty();
        assertThat(outputs.hostedFilename(BASE + "-720.mp4")).isEmpty();
    }
}
