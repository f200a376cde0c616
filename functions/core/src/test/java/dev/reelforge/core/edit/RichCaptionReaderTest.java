package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionFinish;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.json.Json;
import org.junit.jupiter.api.Test;

class RichCaptionReaderTest {

    private static CaptionStyle style(String fields) throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "rich-caption", "src": "https://x.test/c.vtt"%s},
                 "start": 0, "length": 2}]}]}, "output": {"format": "mp4"}}
                """.formatted(fields.isEmpty() ? "" : ", " + fields));
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        EditReading reading = new EditReader().read(node);
        assertThat(reading).as("%s", reading).isInstanceOf(EditReading.Renderable.class);
        Asset asset = ((EditReading.Renderable) reading).edit().timeline().tracks().getFirst().clips().getFirst()
                .asset();
        return ((Asset.Caption) asset).style();
    }

    @Test
    void whatDrawtextDrawsNeedsNoPainting() throws Exception {
        CaptionStyle style = style("\"font\": {\"style\": \"italic\", \"weight\": 700}, \"padding\": 6,"
                + " \"active\": {\"font\": {\"color\": \"#ff0000\"}}");

        assertThat(style.face()).isEqualTo(FontFace.ROBOTO_BOLD_ITALIC);
        assertThat(style.padding()).isEqualTo(6);
        assertThat(style.finish().painted()).isFalse();
    }

    @Test
    void withoutFontFieldsTheNewestContractsDefaultsApplyRoboto24PxWhiteLineHeight12() throws Exception {
        CaptionStyle style = style("");

        assertThat(style.face()).isEqualTo(FontFace.ROBOTO_REGULAR);
        assertThat(style.size()).isEqualTo(24);
        assertThat(style.color()).isEqualTo(Color.WHITE);
        assertThat(style.lineHeight()).isEqualTo(1.2);
        assertThat(style("\"font\": {\"family\": \"Liberation Sans\"}").face()).as("a family given")
                .isEqualTo(FontFace.SANS_REGULAR);
    }

    @Test
    void letterSpacingDecorationGradientBlurBorderAndUnequalPaddingAreReadForPainting() throws Exception {
        CaptionStyle style = style("""
                "style": {"letterSpacing": 4, "textDecoration": "underline",
                          "gradient": {"angle": 90, "stops": [{"offset": 1, "color": "#0000ff"}, {"offset": 0, "color": "#ff0000"}]}},
                "shadow": {"offsetX": 2, "blur": 6}, "border": {"width": 3, "color": "#00ff00", "radius": 5},
                "padding": {"top": 2, "left": 10}""");
        CaptionFinish finish = style.finish();

        assertThat(finish.letterSpacing()).isEqualTo(4);
        assertThat(finish.decoration()).isEqualTo(RichTextLook.Decoration.UNDERLINE);
        assertThat(finish.gradient().orElseThrow().stops()).extracting(RichTextLook.Stop::color)
                .containsExactly(Color.parse("#ff0000"), Color.parse("#0000ff"));
        assertThat(finish.shadowBlur()).isEqualTo(6);
        assertThat(finish.border()).contains(new RichTextLook.Border(3, Color.parse("#00ff00"), 5));
        assertThat(finish.sides()).contains(new RichTextLook.Padding(2, 0, 0, 10));
        assertThat(finish.painted()).isTrue();
    }

    @Test
    void theActiveWordsFaceSizeDecorationStrokeAndShadowAreItsOwnAndNoneRemovesTheBaseOnes() throws Exception {
        CaptionStyle style = style("""
                "font": {"color": "#ffffff"}, "stroke": {"width": 2},
                "active": {"font": {"family": "Times New Roman", "weight": "bold", "size": 40,
                                    "textDecoration": "line-through"},
                           "stroke": "none", "shadow": {"offsetY": 3, "color": "#00ff00", "opacity": 1}}""");
        CaptionFinish finish = style.finish();

        assertThat(finish.activeFace()).contains(FontFace.SERIF_BOLD);
        assertThat(finish.activeSize()).contains(40);
        assertThat(finish.activeDecoration()).contains(RichTextLook.Decoration.LINE_THROUGH);
        assertThat(finish.activeStroke().orElseThrow().width()).as("none: no outline").isZero();
        assertThat(finish.activeShadow()).contains(new RichTextLook.Shadow(0, 3, 0, Color.parse("#00ff00")));
        assertThat(style.active().orElseThrow().color()).as("restyled without a colour: the base colour")
                .isEqualTo(Color.WHITE);
    }

    @Test
    void fadeSlideAndBounceBringWordsInAsTheyAreSpokenInTheirDirection() throws Exception {
        CaptionStyle style = style("\"animation\": {\"style\": \"slide\", \"direction\": \"left\"}");

        assertThat(style.animation()).isEqualTo(CaptionStyle.WordAnimation.TYPEWRITER);
        assertThat(style.finish().motion()).contains(new CaptionFinish.WordMotion(CaptionFinish.WordMotion.Kind.SLIDE,
                RichTextLook.Direction.LEFT));
        assertThat(style("\"animation\": {\"style\": \"bounce\"}").finish().motion().orElseThrow().direction())
                .as("up by default").isEqualTo(RichTextLook.Direction.UP);
    }

    @Test
    void aWrappedBackgroundHugsTheTextWithShotstacksDefaultPadding() throws Exception {
        assertThat(style("\"font\": {\"size\": 50}, \"background\": {\"color\": \"#000000\", \"wrap\": true}")
                .padding()).as("12% of 50 px").isEqualTo(6);
        assertThat(style("\"background\": {\"color\": \"#000000\", \"wrap\": true, \"padding\": 9}").padding())
                .isEqualTo(9);
        assertThat(style("\"background\": {\"color\": \"#000000\"}").padding()).isZero();
    }

    @Test
    void aClipsScaleScalesThePaintedSizes() throws Exception {
        CaptionFinish finish = style("\"style\": {\"letterSpacing\": 4}, \"shadow\": {\"blur\": 6},"
                + " \"active\": {\"font\": {\"size\": 40}}").scaled(0.5).finish();

        assertThat(finish.letterSpacing()).isEqualTo(2);
        assertThat(finish.shadowBlur()).isEqualTo(3);
        assertThat(finish.activeSize()).contains(20);
    }
}
