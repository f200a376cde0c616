package dev.reelforge.core.edit;

import static dev.reelforge.core.edit.EditJson.editWithClip;
import static dev.reelforge.core.edit.EditJson.editWithVideoClipAnd;
import static dev.reelforge.core.edit.EditJson.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Clip timing, placement, transitions, effects, tweens and transformations. */
class ClipValidationTest {

    private static final String CLIP = "timeline.tracks[0].clips[0]";

    private static String clipTimed(String start, String length) {
        return editWithClip("""
                { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": %s, "length": %s }
                """.formatted(start, length));
    }

    @Test
    void acceptsSmartClipTimings() {
        assertThat(violationsOf(clipTimed("\"auto\"", "\"auto\""))).isEmpty();
        assertThat(violationsOf(clipTimed("0", "\"end\""))).isEmpty();
        assertThat(violationsOf(clipTimed("2.5", "0.04"))).isEmpty();
    }

    @Test
    void rejectsNegativeClipLengthNamingItsPath() {
        assertThat(violationsOf(clipTimed("0", "-1")))
                .containsExactly(CLIP + ".length must be a number greater than 0");
    }

    @Test
    void rejectsAZeroClipLength() {
        assertThat(violationsOf(clipTimed("0", "0"))).containsExactly(CLIP + ".length must be a number greater than 0");
    }

    @Test
    void rejectsAClipLengthThatIsNeitherNumberNorString() {
        assertThat(violationsOf(clipTimed("0", "true")))
                .containsExactly(CLIP + ".length must be a number greater than 0 or auto, end or alias://name");
        assertThat(violationsOf(clipTimed("0", "[5]")))
                .containsExactly(CLIP + ".length must be a number greater than 0 or auto, end or alias://name");
    }

    @Test
    void rejectsAnUnknownSmartLength() {
        assertThat(violationsOf(clipTimed("0", "\"forever\"")))
                .containsExactly(CLIP + ".length must be auto, end or alias://name");
    }

    @Test
    void rejectsANegativeStart() {
        assertThat(violationsOf(clipTimed("-0.5", "1")))
                .containsExactly(CLIP + ".start must be a number greater than or equal to 0");
        assertThat(violationsOf(clipTimed("{}", "1")))
                .containsExactly(CLIP + ".start must be a number greater than or equal to 0 or auto or alias://name");
    }

    @Test
    void rejectsEndAsAStartBecauseOnlyLengthsCanRunToTheEnd() {
        assertThat(violationsOf(clipTimed("\"end\"", "1"))).containsExactly(CLIP + ".start must be auto or alias://name");
    }

    @Test
    void rejectsAClipWithoutAssetStartOrLength() {
        assertThat(violationsOf(editWithClip("{}"))).containsExactlyInAnyOrder(
                CLIP + ".asset is required", CLIP + ".start is required", CLIP + ".length is required");
    }

    @Test
    void rejectsAClipThatIsNotAnObject() {
        assertThat(violationsOf(editWithClip("\"clip\""))).containsExactly(CLIP + " must be an object");
        assertThat(violationsOf(editWithClip("null"))).containsExactly(CLIP + " must be an object");
    }

    @Test
    void rejectsAnAssetThatIsNotAnObject() {
        assertThat(violationsOf(editWithClip("""
                { "asset": "video.mp4", "start": 0, "length": 1 }
                """))).containsExactly(CLIP + ".asset must be an object");
    }

    @Test
    void acceptsEveryTransitionWithItsSpeedVariants() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "transition": { "in": "shuffleBottomLeftFast", "out": "revealSlow" }
                """))).isEmpty();
    }

    private static final String TRANSITIONS = "fade, fadeSlow, fadeFast, reveal, revealSlow, revealFast, "
            + "wipeLeft, wipeLeftSlow, wipeLeftFast, wipeRight, wipeRightSlow, wipeRightFast, "
            + "slideLeft, slideLeftSlow, slideLeftFast, slideRight, slideRightSlow, slideRightFast, "
            + "slideUp, slideUpSlow, slideUpFast, slideDown, slideDownSlow, slideDownFast, "
            + "carouselLeft, carouselLeftSlow, carouselLeftFast, carouselRight, carouselRightSlow, carouselRightFast, "
            + "carouselUp, carouselUpSlow, carouselUpFast, carouselDown, carouselDownSlow, carouselDownFast, "
            + "shuffleTopRight, shuffleTopRightSlow, shuffleTopRightFast, "
            + "shuffleRightTop, shuffleRightTopSlow, shuffleRightTopFast, "
            + "shuffleRightBottom, shuffleRightBottomSlow, shuffleRightBottomFast, "
            + "shuffleBottomRight, shuffleBottomRightSlow, shuffleBottomRightFast, "
            + "shuffleBottomLeft, shuffleBottomLeftSlow, shuffleBottomLeftFast, "
            + "shuffleLeftBottom, shuffleLeftBottomSlow, shuffleLeftBottomFast, "
            + "shuffleLeftTop, shuffleLeftTopSlow, shuffleLeftTopFast, "
            + "shuffleTopLeft, shuffleTopLeftSlow, shuffleTopLeftFast, zoom";

    @Test
    void rejectsAnUnknownTransitionIn() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "transition": { "in": "dissolve" }
                """))).containsExactly(CLIP + ".transition.in must be one of: " + TRANSITIONS);
    }

    @Test
    void rejectsZoomWithASpeedBecauseTheContractOffersNone() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "transition": { "out": "zoomFast" }
                """))).containsExactly(CLIP + ".transition.out must be one of: " + TRANSITIONS);
    }

    static Stream<Arguments> invalidClipProperties() {
        return Stream.of(
                arguments(", \"fit\": \"stretch\"", CLIP + ".fit must be one of: cover, contain, crop, none"),
                arguments(", \"scale\": -0.1", CLIP + ".scale must be a number greater than or equal to 0"),
                arguments(", \"scale\": \"half\"", CLIP + ".scale must be a number greater than or equal to 0 or an array"),
                arguments(", \"position\": \"middle\"", CLIP + ".position must be one of: top, topRight, right, "
                        + "bottomRight, bottom, bottomLeft, left, topLeft, center"),
                arguments(", \"effect\": \"kenBurns\"", CLIP + ".effect must be one of: zoomIn, zoomInSlow, "
                        + "zoomInFast, zoomOut, zoomOutSlow, zoomOutFast, slideLeft, slideLeftSlow, slideLeftFast, "
                        + "slideRight, slideRightSlow, slideRightFast, slideUp, slideUpSlow, slideUpFast, "
                        + "slideDown, slideDownSlow, slideDownFast"),
                arguments(", \"filter\": \"sepia\"", CLIP + ".filter must be one of: blur, boost, contrast, darken, "
                        + "greyscale, lighten, muted, negative"),
                arguments(", \"opacity\": 1.5", CLIP + ".opacity must be a number between 0 and 1"),
                arguments(", \"opacity\": -0.5", CLIP + ".opacity must be a number between 0 and 1"),
                arguments(", \"opacity\": \"50%\"", CLIP + ".opacity must be a number between 0 and 1 or an array"),
                arguments(", \"opacity\": []", CLIP + ".opacity must not be empty"),
                arguments(", \"offset\": { \"x\": 10.5 }",
                        CLIP + ".offset.x must be a number between -10 and 10"),
                arguments(", \"offset\": { \"y\": -11 }",
                        CLIP + ".offset.y must be a number between -10 and 10"),
                arguments(", \"offset\": { \"y\": \"up\" }",
                        CLIP + ".offset.y must be a number between -10 and 10 or an array"),
                arguments(", \"offset\": { \"z\": 1 }", CLIP + ".offset.z is not a known property"),
                arguments(", \"transition\": { \"in\": \"fade\", \"during\": \"fade\" }",
                        CLIP + ".transition.during is not a known property"),
                arguments(", \"transform\": { \"rotate\": { \"angle\": 361 } }",
                        CLIP + ".transform.rotate.angle must be a number between -360 and 360"),
                arguments(", \"transform\": { \"rotate\": { \"angle\": -360.5 } }",
                        CLIP + ".transform.rotate.angle must be a number between -360 and 360"),
                arguments(", \"transform\": { \"rotate\": { \"angle\": \"45\" } }",
                        CLIP + ".transform.rotate.angle must be a number between -360 and 360 or an array"),
                arguments(", \"transform\": { \"skew\": { \"x\": \"0.5\" } }",
                        CLIP + ".transform.skew.x must be a number or an array"),
                arguments(", \"transform\": { \"skew\": { \"y\": [] } }",
                        CLIP + ".transform.skew.y must not be empty"),
                arguments(", \"transform\": { \"flip\": { \"horizontal\": \"yes\" } }",
                        CLIP + ".transform.flip.horizontal must be a boolean"),
                arguments(", \"transform\": { \"scale\": 2 }", CLIP + ".transform.scale is not a known property"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidClipProperties")
    void rejectsAnInvalidClipPropertyNamingItsPath(String properties, String message) {
        assertThat(violationsOf(editWithVideoClipAnd(properties))).containsExactly(message);
    }

    @Test
    void rejectsTransformationsPlacedOnTheClipItself() {
        assertThat(violationsOf(editWithVideoClipAnd(", \"rotate\": { \"angle\": 45 }")))
                .containsExactly(CLIP + ".rotate is not a known property");
        assertThat(violationsOf(editWithVideoClipAnd(", \"skew\": { \"x\": 1 }")))
                .containsExactly(CLIP + ".skew is not a known property");
    }

    @Test
    void acceptsAFractionalRotationAngleAsTheNewestContractAndShotstacksTemplatesDo() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "transform": { "rotate": { "angle": -7.4 } }
                """))).isEmpty();
    }

    @Test
    void acceptsLargeSkewsBecauseTheContractGivesThemNoBounds() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "transform": { "skew": { "x": -5, "y": 12 } }
                """))).isEmpty();
    }

    static Stream<Arguments> invalidTweens() {
        return Stream.of(
                arguments("{ \"start\": -1 }", ".start must be a number greater than or equal to 0"),
                arguments("{ \"length\": 0 }", ".length must be a number greater than 0"),
                arguments("{ \"interpolation\": \"ease\" }", ".interpolation must be one of: linear, bezier, constant"),
                arguments("{ \"easing\": \"bounce\" }", ".easing must be one of: ease, easeIn, easeOut, easeInOut, "
                        + "easeInQuad, easeInCubic, easeInQuart, easeInQuint, easeInSine, easeInExpo, easeInCirc, "
                        + "easeInBack, easeOutQuad, easeOutCubic, easeOutQuart, easeOutQuint, easeOutSine, easeOutExpo, "
                        + "easeOutCirc, easeOutBack, easeInOutQuad, easeInOutCubic, easeInOutQuart, easeInOutQuint, "
                        + "easeInOutSine, easeInOutExpo, easeInOutCirc, easeInOutBack, linear"),
                arguments("{ \"form\": 0 }", ".form is not a known property"),
                arguments("1", " must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTweens")
    void rejectsAnInvalidTweenNamingItsPosition(String tween, String problem) {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "opacity": [ { "from": 0, "to": 1 }, %s ]
                """.formatted(tween)))).containsExactly(CLIP + ".opacity[1]" + problem);
    }

    @Test
    void acceptsEveryEasingOfTheNewestContractAndConstantInterpolation() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "opacity": [ { "from": 0, "to": 1, "length": 1, "interpolation": "constant" },
                               { "from": 1, "to": 0, "start": 1, "length": 1, "interpolation": "bezier",
                                 "easing": "easeInOutBack" },
                               { "from": 0, "to": 1, "start": 2, "length": 1, "interpolation": "linear",
                                 "easing": "easeOutExpo" } ]
                """))).isEmpty();
    }

    @Test
    void acceptsTweensOfAnyValueType() {
        assertThat(violationsOf(editWithVideoClipAnd("""
                , "opacity": [ { "from": "0", "to": { "any": "value" }, "start": 0, "length": 0.1 }, {} ]
                """))).isEmpty();
    }

    @Test
    void rejectsInvalidTweensInEveryAnimatableProperty() {
        assertThat(violationsOf(editWithClip("""
                {
                  "asset": {
                    "type": "video", "src": "https://example.com/v.mp4",
                    "volume": [ { "length": -1 } ]
                  },
                  "start": 0,
                  "length": 1,
                  "offset": { "x": [ { "length": -1 } ], "y": [ { "length": -1 } ] },
                  "transform": {
                    "rotate": { "angle": [ { "length": -1 } ] },
                    "skew": { "x": [ { "length": -1 } ], "y": [ { "length": -1 } ] }
                  }
                }
                """))).containsExactly(
                CLIP + ".asset.volume[0].length must be a number greater than 0",
                CLIP + ".offset.x[0].length must be a number greater than 0",
                CLIP + ".offset.y[0].length must be a number greater than 0",
                CLIP + ".transform.rotate.angle[0].length must be a number greater than 0",
                CLIP + ".transform.skew.x[0].length must be a number greater than 0",
                CLIP + ".transform.skew.y[0].length must be a number greater than 0");
    }
}
