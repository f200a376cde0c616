package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Tween;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The keyframes' ffmpeg expressions, evaluated by ffmpeg itself ({@code aevalsrc}, one channel per expression,
 * a sample every 5 ms), against the model's values.
 */
class KeyframesExpressionTest {

    private static final int RATE = 200;

    @Test
    void ffmpegEvaluatesEveryEasingAndEveryShapeAsTheModelDoes() throws IOException {
        List<Keyframes> cases = new ArrayList<>();
        for (Easing easing : Easing.values()) {
            cases.add(new Keyframes(List.of(new Tween(0, 1, 0.2, 0.6, Interpolation.BEZIER, easing))));
        }
        cases.add(new Keyframes(List.of(new Tween(1, 0.1, 0.1, 0.3, Interpolation.LINEAR, Easing.EASE),
                new Tween(0.5, 0.9, 0.6, 0.2, Interpolation.CONSTANT, Easing.EASE))));
        double clipStart = 0.05;
        String expressions = cases.stream().map(keyframes -> KeyframesExpression.of(keyframes, clipStart).text())
                .collect(Collectors.joining("|"));
        Path raw = Files.createTempFile(Path.of("target"), "keyframes", ".f32");
        // As the composer does: the graph from a file (the expressions are longer than an argument may be).
        Path script = Files.writeString(Files.createTempFile(Path.of("target"), "keyframes", ".graph"),
                Filter.of("aevalsrc").with("exprs", expressions).with("s", RATE).with("d", 1).render() + "[out]");

        TestFfmpeg.run("-loglevel", "error", "-filter_complex_script", script.toString(), "-map", "[out]",
                "-f", "f32le", "-c:a", "pcm_f32le", raw.toString());

        ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        Files.delete(raw);
        Files.delete(script);
        assertThat(samples.remaining()).isEqualTo(RATE * cases.size() * Float.BYTES);
        for (int sample = 0; sample < RATE; sample++) {
            double t = (double) sample / RATE;
            for (Keyframes keyframes : cases) {
                double expected = keyframes.valueAt(t - clipStart);
                assertThat((double) samples.getFloat())
                        .as("%s at %.3f s", Arrays.toString(keyframes.tweens().toArray()), t)
                        .isCloseTo(expected, within(1e-4));
            }
        }
    }
}
