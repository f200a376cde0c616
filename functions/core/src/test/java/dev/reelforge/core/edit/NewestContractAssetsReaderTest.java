package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fit;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The assets of the newest contract: shapes and SVG are read; generated assets are refused, naming the type. */
class NewestContractAssetsReaderTest {

    private static EditReading read(String asset) throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4"}}""".formatted(asset));
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        return new EditReader().read(node);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text-to-image  | {"type": "text-to-image", "prompt": "a cat"}                   | 'text-to-image' needs generative AI, which Reelforge does not offer (make the image elsewhere and give its file as an asset's src)
            image-to-video | {"type": "image-to-video", "src": "https://x.test/i.png"}      | 'image-to-video' needs generative AI, which Reelforge does not offer (make the video elsewhere and give its file as an asset's src)
            text-to-speech | {"type": "text-to-speech", "text": "hi", "voice": "Matthew"}   | 'text-to-speech' needs generative AI, which Reelforge does not offer (make the audio elsewhere and give its file as an asset's src)
            """)
    void generatedAssetsAreRefusedNamingTheType(String name, String asset, String message) throws Exception {
        assertThat(((EditReading.Unsupported) read(asset)).violations()).extracting(Violation::message)
                .containsExactly("timeline.tracks[0].clips[0].asset.type " + message);
    }

    @Test
    void aShapeWithoutTheFigureItNamesIsRefusedNamingTheFigure() throws Exception {
        assertThat(((EditReading.Unsupported) read("""
                {"type": "shape", "shape": "rectangle"}""")).violations()).extracting(Violation::message)
                .containsExactly("timeline.tracks[0].clips[0].asset.rectangle is required when shape is rectangle");
    }

    @Test
    void aShapeIsReadWithItsBoxFillAndStrokeAndKeepsItsPixelSize() throws Exception {
        var edit = ((EditReading.Renderable) read("""
                {"type": "shape", "shape": "circle", "width": 100, "height": 80, "circle": {"radius": 30},
                 "fill": {"color": "#ff0000", "opacity": 0.5}, "stroke": {"color": "#00ff00", "width": 2}}""")).edit();
        var clip = edit.timeline().tracks().getFirst().clips().getFirst();
        Asset.Shape shape = (Asset.Shape) clip.asset();
        assertThat(shape.figure()).isEqualTo(new Asset.Figure.Circle(30));
        assertThat(shape.width()).contains(100);
        assertThat(shape.fill()).contains(new Color(255, 0, 0, 128));
        assertThat(shape.stroke()).contains(Color.parse("#00ff00"));
        assertThat(shape.strokeWidth()).isEqualTo(2);
        assertThat(shape.src().toString()).startsWith("drawn:shape-");
        assertThat(clip.fit()).as("a drawn picture keeps its pixel size").isEqualTo(Fit.NONE);
    }

    @Test
    void svgMarkupDeclaringEntitiesIsRefusedAndEqualMarkupHasOneName() throws Exception {
        var refused = ((EditReading.Unsupported) read("""
                {"type": "svg", "src": "<!DOCTYPE svg [<!ENTITY e 'x'>]><svg/>"}""")).violations();
        assertThat(refused).extracting(Violation::message).containsExactly(
                "timeline.tracks[0].clips[0].asset.src must not declare a DOCTYPE or entities");
        String svg = """
                {"type": "svg", "src": "<svg width='10' height='10'/>"}""";
        Asset first = ((EditReading.Renderable) read(svg)).edit().timeline().tracks().getFirst().clips().getFirst()
                .asset();
        Asset second = ((EditReading.Renderable) read(svg)).edit().timeline().tracks().getFirst().clips().getFirst()
                .asset();
        assertThat(((Asset.Svg) first).src()).isEqualTo(((Asset.Svg) second).src());
    }
}
