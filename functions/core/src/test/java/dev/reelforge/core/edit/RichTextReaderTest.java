package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RichTextReaderTest {

    private static EditReading read(String asset, String clipExtra) throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": 2%s}]}]},
                 "output": {"format": "mp4"}}
                """.formatted(asset, clipExtra));
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        return new EditReader().read(node);
    }

    private static Asset.RichText richText(String asset, String clipExtra) throws Exception {
        EditReading reading = read(asset, clipExtra);
        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        return (Asset.RichText) ((EditReading.Renderable) reading).edit().timeline().tracks().get(0).clips().get(0)
                .asset();
    }

    @Test
    void readsEveryStyleAndTheClipsBox() throws Exception {
        Asset.RichText rich = richText("""
                {"type": "rich-text", "text": "hello big world",
                 "font": {"family": "Times New Roman", "size": 48, "weight": "bold", "style": "italic", "color": "#ff0000",
                          "opacity": 0.5, "background": "#00ff00"},
                 "style": {"letterSpacing": 2, "wordSpacing": 5, "lineHeight": 1.5, "textTransform": "capitalize",
                           "textDecoration": "line-through",
                           "gradient": {"type": "radial", "stops": [{"offset": 1, "color": "#0000ff"},
                                                                    {"offset": 0, "color": "#00ff00"}]}},
                 "stroke": {"width": 3, "color": "#000000", "opacity": 0.5},
                 "shadow": {"offsetX": 4, "offsetY": 5, "blur": 6, "color": "#101010"},
                 "background": {"color": "#202020", "opacity": 0.5, "borderRadius": 8, "wrap": true, "padding": 6},
                 "border": {"width": 2, "color": "#ffffff", "radius": 9},
                 "padding": {"top": 1, "right": 2, "bottom": 3, "left": 4},
                 "align": {"horizontal": "left", "vertical": "bottom"},
                 "animation": {"preset": "shift", "style": "word", "direction": "down", "duration": 1.5}}
                """, ", \"width\": 800, \"height\": 300");
        RichTextLook look = rich.look();

        assertThat(rich.width()).contains(800);
        assertThat(rich.height()).contains(300);
        assertThat(look.text()).isEqualTo("Hello Big World");
        assertThat(look.face()).isEqualTo(FontFace.SERIF_BOLD_ITALIC);
        assertThat(look.size()).isEqualTo(48);
        assertThat(look.color()).isEqualTo(new Color(255, 0, 0, 128));
        assertThat(look.letterSpacing()).isEqualTo(2);
        assertThat(look.wordSpacing()).isEqualTo(5);
        assertThat(look.lineHeight()).isEqualTo(1.5);
        assertThat(look.decoration()).isEqualTo(RichTextLook.Decoration.LINE_THROUGH);
        assertThat(look.gradient()).contains(new RichTextLook.Gradient(true, 0, List.of(
                new RichTextLook.Stop(0, new Color(0, 255, 0, 255)), new RichTextLook.Stop(1, new Color(0, 0, 255, 255)))));
        assertThat(look.stroke()).contains(new RichTextLook.Stroke(3, new Color(0, 0, 0, 128)));
        assertThat(look.shadow()).as("the shadow's opacity defaults to 0.5")
                .contains(new RichTextLook.Shadow(4, 5, 6, new Color(16, 16, 16, 128)));
        assertThat(look.highlight()).contains(new Color(0, 255, 0, 255));
        assertThat(look.background()).contains(new RichTextLook.Background(new Color(32, 32, 32, 128), 8, true, 6));
        assertThat(look.border()).contains(new RichTextLook.Border(2, Color.WHITE, 9));
        assertThat(look.padding()).isEqualTo(new RichTextLook.Padding(1, 2, 3, 4));
        assertThat(look.horizontal()).isEqualTo(Asset.HorizontalAlign.LEFT);
        assertThat(look.vertical()).isEqualTo(Asset.VerticalAlign.BOTTOM);
        assertThat(look.animation()).contains(new RichTextLook.TextAnimation(RichTextLook.Preset.SHIFT, 1.5, true,
                RichTextLook.Direction.DOWN));
    }

    @Test
    void aBuiltInOneFaceFamilyIsThatFaceAtAnyWeightOrSlant() throws Exception {
        // Shotstack's own templates ask for "Montserrat ExtraBold" at weight 700 (a 500 before this was read)
        Asset.RichText bold = richText("""
                {"type": "rich-text", "text": "x", "font": {"family": "Montserrat ExtraBold", "weight": 700}}""", "");
        Asset.RichText italic = richText("""
                {"type": "rich-text", "text": "x", "font": {"family": "Montserrat SemiBold", "style": "italic"}}""", "");

        assertThat(bold.look().face()).isEqualTo(FontFace.MONTSERRAT_EXTRABOLD);
        assertThat(italic.look().face()).isEqualTo(FontFace.MONTSERRAT_SEMIBOLD);
    }

    @Test
    void aLineHeightInTheFontAsShotstacksTemplatesSendItIsTheStylesWhenThatHasNone() throws Exception {
        Asset.RichText fromFont = richText("""
                {"type": "rich-text", "text": "x", "font": {"family": "Arial", "lineHeight": 1}}""", "");
        Asset.RichText fromStyle = richText("""
                {"type": "rich-text", "text": "x", "font": {"lineHeight": 1}, "style": {"lineHeight": 1.5}}""", "");

        assertThat(fromFont.look().lineHeight()).isEqualTo(1.0);
        assertThat(fromStyle.look().lineHeight()).isEqualTo(1.5);
    }

    @Test
    void defaultsFollowTheSchema() throws Exception {
        Asset.RichText rich = richText("""
                {"type": "rich-text", "text": "x", "padding": 12, "animation": {"preset": "ascend"}}""", "");
        RichTextLook look = rich.look();

        assertThat(rich.width()).isEmpty();
        assertThat(look.face()).as("the schema's default family, Open Sans").isEqualTo(FontFace.OPEN_SANS_REGULAR);
        assertThat(look.size()).isEqualTo(24);
        assertThat(look.color()).as("the schema's default colour").isEqualTo(Color.BLACK);
        assertThat(look.lineHeight()).isEqualTo(1.2);
        assertThat(look.padding()).isEqualTo(new RichTextLook.Padding(12, 12, 12, 12));
        assertThat(look.horizontal()).isEqualTo(Asset.HorizontalAlign.CENTER);
        assertThat(look.vertical()).isEqualTo(Asset.VerticalAlign.CENTER);
        assertThat(look.stroke()).isEmpty();
        assertThat(look.background()).isEmpty();
        assertThat(look.animation()).contains(new RichTextLook.TextAnimation(RichTextLook.Preset.ASCEND, 3, false,
                RichTextLook.Direction.UP));
        assertThat(richText("""
                {"type": "rich-text", "text": "x", "animation": {"preset": "fadeIn"}}""", "").look().animation()
                .map(RichTextLook.TextAnimation::seconds)).contains(2.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown family  | {"type": "rich-text", "text": "x", "font": {"family": "Comic Sans"}}                  | ''                     | timeline.tracks[0].clips[0].asset.font.family 'Comic Sans' is not an available font; available: Liberation Sans, Arial, Helvetica, sans-serif, Liberation Serif, Times New Roman, Times, serif, Liberation Mono, Courier New, Courier, monospace, Montserrat SemiBold, Montserrat ExtraBold, Arapey Regular, Arapey, Clear Sans, Didact Gothic, Open Sans, OpenSans Bold, Permanent Marker, Roboto, Sue Ellen Francisco, Work Sans, WorkSans Light, Inter, Manrope, or a family of timeline.fonts
            odd weight      | {"type": "rich-text", "text": "x", "font": {"weight": 450}}                          | ''                     | timeline.tracks[0].clips[0].asset.font.weight must be 100, 200, ... 900, normal or bold
            ascend left     | {"type": "rich-text", "text": "x", "animation": {"preset": "ascend", "direction": "left"}} | ''               | timeline.tracks[0].clips[0].asset.animation.direction must be up or down for the ascend preset
            """)
    void refusesWhatItCannotDrawNamingTheField(String name, String asset, String clipExtra, String message)
            throws Exception {
        EditReading reading = read(asset, clipExtra);

        assertThat(reading).isInstanceOf(EditReading.Unsupported.class);
        assertThat(((EditReading.Unsupported) reading).violations()).extracting(Violation::message)
                .containsExactly(message);
    }

    @Test
    void aFamilyThatIsNotShippedIsLookedForAmongTheTimelinesFonts() throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"fonts": [{"src": "https://x.test/f.ttf"}], "tracks": [{"clips": [{"asset":
                   {"type": "rich-text", "text": "x", "font": {"family": "Gowun Dodum"}}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4"}}""");
        EditReading reading = new EditReader().read(node);

        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        assertThat(((Asset.RichText) ((EditReading.Renderable) reading).edit().timeline().tracks().get(0).clips()
                .get(0).asset()).look().face()).isEqualTo(new Typeface.Requested("Gowun Dodum"));
    }

    @Test
    void theContractRefusesAnUnknownPresetAndAShortColour() throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "rich-text", "text": "x",
                   "font": {"color": "#fff"}, "animation": {"preset": "spin"}}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4"}}""");

        assertThat(new EditValidator().validate(node)).extracting(violation -> violation.path().text()).contains(
                "timeline.tracks[0].clips[0].asset.font.color", "timeline.tracks[0].clips[0].asset.animation.preset");
    }
}
