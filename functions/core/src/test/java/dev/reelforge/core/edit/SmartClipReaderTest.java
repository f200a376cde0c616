package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Smart clips, the clip's own box and the text asset's newest properties, as read from an edit. */
class SmartClipReaderTest {

    private static final String IMAGE = "{\"type\": \"image\", \"src\": \"https://x.test/i.png\"}";

    private static EditReading read(String tracks) throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [%s]}, "output": {"format": "mp4"}}""".formatted(tracks));
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        return new EditReader().read(node);
    }

    private static List<String> refusals(String tracks) throws Exception {
        EditReading reading = read(tracks);
        assertThat(reading).isInstanceOf(EditReading.Unsupported.class);
        return ((EditReading.Unsupported) reading).violations().stream().map(Violation::message).toList();
    }

    private static Clip clip(String tracks, int track, int clip) throws Exception {
        EditReading reading = read(tracks);
        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        return ((EditReading.Renderable) reading).edit().timeline().tracks().get(track).clips().get(clip);
    }

    @Test
    void aTypedTextKeepsItsOwnBoxAndTakesTheClipsOnlyWithoutOne() throws Exception {
        String typed = """
                {"clips": [{"asset": {"type": "text", "text": "hi", "width": 320, "height": 90,
                  "animation": {"preset": "typewriter"}}, "start": 0, "length": 1, "width": 600, "height": 200}]},
                {"clips": [{"asset": {"type": "text", "text": "hi", "animation": {"preset": "typewriter"}},
                  "start": 0, "length": 1, "width": 600, "height": 200}]}""";

        Asset.RichText own = (Asset.RichText) clip(typed, 0, 0).asset();
        Asset.RichText clips = (Asset.RichText) clip(typed, 1, 0).asset();

        assertThat(List.of(own.width(), own.height())).containsExactly(Optional.of(320), Optional.of(90));
        assertThat(List.of(clips.width(), clips.height())).containsExactly(Optional.of(600), Optional.of(200));
    }

    @Test
    void readsAliasReferencesTheAliasAndTheClipsBox() throws Exception {
        String tracks = """
                {"clips": [{"asset": %s, "start": "alias://main", "length": "alias://main", "width": 400.4, "height": 300}]},
                {"clips": [{"asset": %s, "start": 1, "length": "auto", "alias": "main", "id": "abc"}]}"""
                .formatted(IMAGE, IMAGE);

        Clip overlay = clip(tracks, 0, 0);
        assertThat(overlay.start()).isEqualTo(new ClipStart.OfAlias("main"));
        assertThat(overlay.length()).isEqualTo(new ClipLength.OfAlias("main"));
        assertThat(overlay.bounds()).isEqualTo(new Clip.Bounds(Optional.of(400), Optional.of(300)));
        assertThat(clip(tracks, 1, 0).alias()).contains("main");
    }

    @Test
    void refusesAnUnknownAliasADuplicateAliasAndAReferenceToItself() throws Exception {
        assertThat(refusals("""
                {"clips": [{"asset": %s, "start": "alias://nobody", "length": 1}]}""".formatted(IMAGE)))
                .containsExactly("timeline.tracks[0].clips[0].start refers to alias://nobody, but no clip has that alias");
        assertThat(refusals("""
                {"clips": [{"asset": %s, "start": 0, "length": 1, "alias": "a"},
                           {"asset": %s, "start": 1, "length": 1, "alias": "a"}]}""".formatted(IMAGE, IMAGE)))
                .containsExactly("timeline.tracks[0].clips[1].alias 'a' is already the alias of "
                        + "timeline.tracks[0].clips[0]; aliases must be unique");
        assertThat(refusals("""
                {"clips": [{"asset": %s, "start": 0, "length": "alias://b", "alias": "a"}]},
                {"clips": [{"asset": %s, "start": 0, "length": "alias://a", "alias": "b"}]}""".formatted(IMAGE, IMAGE)))
                .containsExactly("timeline.tracks[0].clips[0].length depends on itself "
                        + "(through alias:// references and auto starts)");
    }

    @Test
    void readsTheTextAssetsNewestProperties() throws Exception {
        Clip clip = clip("""
                {"clips": [{"asset": {"type": "text", "text": "hi", "font": {"size": "36"},
                  "background": {"color": "#ff0000", "opacity": 0.5, "padding": 12, "borderRadius": 6.4},
                  "stroke": {"width": 3, "color": "#00ff00"}, "ellipsis": "…"}, "start": 0, "length": 1}]}""", 0, 0);

        Asset.Text text = (Asset.Text) clip.asset();
        assertThat(text.size()).isEqualTo(36);
        assertThat(text.background()).contains(new Color(255, 0, 0, 128));
        assertThat(text.finish().padding()).isEqualTo(12);
        assertThat(text.finish().stroke()).contains(new Color(0, 255, 0, 255));
        assertThat(text.finish().strokeWidth()).isEqualTo(3);
        assertThat(text.finish().ellipsis()).contains("…");
        assertThat(text.finish().borderRadius()).isEqualTo(6);
    }

    @Test
    void refusesWrappedBackgroundsOnTypedTextNamingTheField() throws Exception {
        assertThat(refusals("""
                {"clips": [{"asset": {"type": "text", "text": "hi", "animation": {"preset": "typewriter"},
                  "ellipsis": "…", "height": 40,
                  "background": {"color": "#000000", "borderRadius": 8, "wrap": true}}, "start": 0, "length": 1}]}"""))
                .containsExactly("timeline.tracks[0].clips[0].asset.background.wrap is not supported on text assets"
                        + " (as at Shotstack): use a rich-text asset");
    }

    @Test
    void aTypedTextCarriesItsEllipsisIntoTheLookItIsTypedWith() throws Exception {
        Asset.RichText typed = (Asset.RichText) clip("""
                {"clips": [{"asset": {"type": "text", "text": "hi", "animation": {"preset": "typewriter"},
                  "ellipsis": "…", "height": 40}, "start": 0, "length": 1}]}""", 0, 0).asset();

        assertThat(typed.look().ellipsis()).contains("…");
    }

    @Test
    void aLinearEasingIsNoEasing() throws Exception {
        Clip clip = clip("""
                {"clips": [{"asset": %s, "start": 0, "length": 2,
                  "opacity": [{"from": 0, "to": 1, "start": 0, "length": 2, "interpolation": "bezier", "easing": "linear"}]}]}"""
                .formatted(IMAGE), 0, 0);

        var tween = clip.animation().opacity().orElseThrow().tweens().getFirst();
        assertThat(tween.interpolation()).isEqualTo(Interpolation.LINEAR);
        assertThat(tween.valueAt(0.5)).isEqualTo(0.25);
    }
}
