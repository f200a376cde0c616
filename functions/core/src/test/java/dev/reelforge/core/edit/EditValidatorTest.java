package dev.reelforge.core.edit;

import static dev.reelforge.core.edit.EditJson.editWithAsset;
import static dev.reelforge.core.edit.EditJson.editWithClip;
import static dev.reelforge.core.edit.EditJson.editWithOutput;
import static dev.reelforge.core.edit.EditJson.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.validation.Violations;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EditValidatorTest {

    /** definitions/edit.yaml of the contract, written as JSON. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "timeline": {
                "soundtrack": {
                  "src": "https://s3-ap-northeast-1.amazonaws.com/my-bucket/music.mp3",
                  "effect": "fadeInFadeOut"
                },
                "background": "#000000",
                "tracks": [
                  {
                    "clips": [
                      {
                        "asset": { "type": "title", "text": "Hello World", "style": "minimal" },
                        "start": 0,
                        "length": 4,
                        "transition": { "in": "fade", "out": "fade" },
                        "effect": "slideRight"
                      },
                      {
                        "asset": {
                          "type": "image",
                          "src": "https://s3-ap-northeast-1.amazonaws.com/my-bucket/my-image.jpg"
                        },
                        "start": 3,
                        "length": 4,
                        "effect": "zoomIn",
                        "filter": "greyscale"
                      }
                    ]
                  },
                  {
                    "clips": [
                      {
                        "asset": {
                          "type": "video",
                          "src": "https://s3-ap-northeast-1.amazonaws.com/my-bucket/my-clip-1.mp4",
                          "trim": 10.5
                        },
                        "start": 7,
                        "length": 4.5
                      },
                      {
                        "asset": {
                          "type": "video",
                          "src": "https://s3-ap-northeast-1.amazonaws.com/my-bucket/my-clip-2.mp4",
                          "volume": 0.5
                        },
                        "start": 11.5,
                        "length": 5,
                        "transition": { "out": "wipeLeft" }
                      }
                    ]
                  }
                ]
              },
              "output": { "format": "mp4", "resolution": "sd" }
            }
            """;

    /** Every asset type, clip property, animation, output property and destination kind at once. */
    private static final String MAXIMAL_EDIT = """
            {
              "timeline": {
                "soundtrack": { "src": "s3://my-bucket/music.mp3", "effect": "fadeOut", "volume": 0.8 },
                "background": "#80FFFFFF",
                "fonts": [ { "src": "https://example.com/fonts/OpenSans.ttf" } ],
                "cache": false,
                "tracks": [
                  {
                    "clips": [
                      {
                        "asset": {
                          "type": "video",
                          "src": "https://example.com/video.mp4",
                          "trim": 2,
                          "volume": [ { "from": 0, "to": 1, "start": 0, "length": 2, "interpolation": "bezier" } ],
                          "volumeEffect": "fadeInFadeOut",
                          "speed": 1.5,
                          "crop": { "top": 0.1, "bottom": 0.1, "left": 0, "right": 1 },
                          "chromaKey": { "color": "#00b140", "threshold": 150, "halo": 100 }
                        },
                        "start": 0,
                        "length": "auto",
                        "fit": "contain",
                        "scale": 0.5,
                        "position": "topRight",
                        "offset": {
                          "x": -0.25,
                          "y": [ { "from": -1, "to": 1, "start": 0.5, "length": 1, "interpolation": "linear" } ]
                        },
                        "transition": { "in": "carouselLeftSlow", "out": "zoom" },
                        "effect": "slideDownFast",
                        "filter": "negative",
                        "opacity": [ { "from": 0, "to": 1, "start": 0, "length": 1 } ],
                        "transform": {
                          "rotate": { "angle": [ { "from": 0, "to": 360, "start": 0, "length": 3 } ] },
                          "skew": { "x": 0.5, "y": [ { "from": 0, "to": -0.5, "start": 0, "length": 2 } ] },
                          "flip": { "horizontal": true, "vertical": false }
                        }
                      },
                      {
                        "asset": { "type": "image", "src": "https://example.com/image.png", "crop": { "left": 0.5 } },
                        "start": "auto",
                        "length": "end",
                        "fit": "none",
                        "opacity": 0.75,
                        "transform": { "rotate": { "angle": -45 }, "skew": { "x": [ { "from": 0, "to": 1 } ] } }
                      },
                      {
                        "asset": {
                          "type": "text",
                          "text": "Hello",
                          "width": 800,
                          "height": 200,
                          "font": {
                            "family": "Open Sans",
                            "color": "#fff",
                            "opacity": 0.9,
                            "size": 48,
                            "weight": 700,
                            "lineHeight": 1.2
                          },
                          "background": { "color": "#000000" },
                          "alignment": { "horizontal": "left", "vertical": "bottom" }
                        },
                        "start": 5,
                        "length": 3
                      }
                    ]
                  },
                  {
                    "clips": [
                      {
                        "asset": {
                          "type": "audio",
                          "src": "http://example.com/sound.mp3",
                          "trim": 0,
                          "volume": 0.3,
                          "speed": 10,
                          "effect": "fadeIn"
                        },
                        "start": 0,
                        "length": 8
                      },
                      {
                        "asset": { "type": "luma", "src": "https://example.com/mask.mp4", "trim": 1 },
                        "start": 8,
                        "length": 2
                      },
                      {
                        "asset": {
                          "type": "caption",
                          "src": "https://example.com/captions.srt",
                          "font": {
                            "family": "Roboto",
                            "color": "#ffffff",
                            "opacity": 0.8,
                            "size": 24,
                            "lineHeight": 0.85,
                            "stroke": "#ff6600",
                            "strokeWidth": 0.8
                          },
                          "background": { "color": "#000000", "opacity": 0.4, "padding": 30, "borderRadius": 18 },
                          "margin": { "top": 0.25, "left": 0.05, "right": 0.45 },
                          "trim": 2,
                          "speed": 0
                        },
                        "start": 10,
                        "length": "end"
                      },
                      {
                        "asset": {
                          "type": "html",
                          "html": "<p>Hello <b>World</b></p>",
                          "css": "p { color: #ffffff; }",
                          "width": 400,
                          "height": 200,
                          "background": "#80ffffff",
                          "position": "bottomLeft"
                        },
                        "start": 12,
                        "length": 1
                      },
                      {
                        "asset": {
                          "type": "title",
                          "text": "The End",
                          "style": "blockbuster",
                          "color": "#ffff00",
                          "size": "xx-large",
                          "background": "#000",
                          "position": "center",
                          "offset": { "x": 10, "y": -10 }
                        },
                        "start": 13,
                        "length": 2
                      }
                    ]
                  }
                ]
              },
              "output": {
                "format": "mp4",
                "resolution": "1080",
                "aspectRatio": "9:16",
                "fps": 29.97,
                "scaleTo": "preview",
                "quality": "veryhigh",
                "repeat": true,
                "mute": false,
                "range": { "start": 3, "length": 6 },
                "poster": { "capture": 1 },
                "thumbnail": { "capture": 1, "scale": 0.3 },
                "destinations": [
                  { "provider": "shotstack", "exclude": true },
                  {
                    "provider": "mux",
                    "options": { "playbackPolicy": [ "public", "signed" ], "passthrough": "my-reference" }
                  },
                  {
                    "provider": "s3",
                    "options": {
                      "region": "us-east-1",
                      "bucket": "my-bucket",
                      "prefix": "renders",
                      "filename": "my-file",
                      "acl": "public-read"
                    }
                  },
                  {
                    "provider": "google-cloud-storage",
                    "options": { "bucket": "my-bucket", "prefix": "renders", "filename": "my-file" }
                  },
                  {
                    "provider": "google-drive",
                    "options": { "folderId": "1r-eTY6OLO8tzQRKwMyq-fIrQ_7AJEI6A", "filename": "my-file" }
                  },
                  {
                    "provider": "vimeo",
                    "options": {
                      "name": "My video",
                      "description": "Rendered by Reelforge",
                      "privacy": { "view": "unlisted", "embed": "whitelist", "comments": "contacts" }
                    }
                  }
                ]
              },
              "merge": [ { "find": "NAME", "replace": "Jane" } ],
              "callback": "https://my-server.example.com/callback",
              "disk": "mount"
            }
            """;

    @Test
    void acceptsTheContractsExampleEdit() {
        assertThat(violationsOf(CONTRACT_EXAMPLE)).isEmpty();
    }

    @Test
    void acceptsAnEditUsingEveryAssetTypeClipPropertyOutputPropertyAndDestination() {
        assertThat(violationsOf(MAXIMAL_EDIT)).isEmpty();
    }

    @Test
    void acceptsACustomSizeInsteadOfAResolution() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "png", "size": { "width": 4096, "height": 2 } }
                """))).isEmpty();
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertThat(violationsOf("[]")).containsExactly("body must be a JSON object");
        assertThat(violationsOf("\"edit\"")).containsExactly("body must be a JSON object");
    }

    @Test
    void rejectsAnEditWithoutTimelineOrOutput() {
        assertThat(violationsOf("{}")).containsExactlyInAnyOrder("timeline is required", "output is required");
        assertThat(violationsOf("""
                { "output": { "format": "mp4" } }
                """)).containsExactly("timeline is required");
    }

    @Test
    void treatsANullTimelineAsMissing() {
        assertThat(violationsOf("""
                { "timeline": null, "output": { "format": "mp4" } }
                """)).containsExactly("timeline is required");
    }

    @Test
    void rejectsATimelineThatIsNotAnObject() {
        assertThat(violationsOf("""
                { "timeline": [], "output": { "format": "mp4" } }
                """)).containsExactly("timeline must be an object");
    }

    @Test
    void rejectsMissingAssetSourceNamingTheClipItBelongsTo() {
        assertThat(violationsOf("""
                {
                  "timeline": { "tracks": [ { "clips": [
                    { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "length": 1 },
                    { "asset": { "type": "video" }, "start": 1, "length": 1 }
                  ] } ] },
                  "output": { "format": "mp4" }
                }
                """)).containsExactly("timeline.tracks[0].clips[1].asset.src is required");
    }

    @Test
    void rejectsAClipLengthOfTheWrongTypeNamingItsPath() {
        assertThat(violationsOf("""
                {
                  "timeline": { "tracks": [ { "clips": [
                    { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "length": 1 },
                    { "asset": { "type": "image", "src": "https://example.com/b.jpg" }, "start": 1, "length": 1 },
                    { "asset": { "type": "image", "src": "https://example.com/c.jpg" }, "start": 2, "length": true }
                  ] } ] },
                  "output": { "format": "mp4" }
                }
                """)).containsExactly(
                "timeline.tracks[0].clips[2].length must be a number greater than 0 or auto, end or alias://name");
    }

    @Test
    void rejectsAnEmptyTrackList() {
        assertThat(violationsOf("""
                { "timeline": { "tracks": [] }, "output": { "format": "mp4" } }
                """)).containsExactly("timeline.tracks must not be empty");
    }

    @Test
    void rejectsATrackWithoutClips() {
        assertThat(violationsOf("""
                { "timeline": { "tracks": [ { "clips": [] } ] }, "output": { "format": "mp4" } }
                """)).containsExactly("timeline.tracks[0].clips must not be empty");
        assertThat(violationsOf("""
                { "timeline": { "tracks": [ {} ] }, "output": { "format": "mp4" } }
                """)).containsExactly("timeline.tracks[0].clips is required");
    }

    @Test
    void rejectsAMisspelledClipPropertyAsUnknown() {
        assertThat(violationsOf(editWithClip("""
                { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "lenght": 5 }
                """))).containsExactly(
                "timeline.tracks[0].clips[0].length is required",
                "timeline.tracks[0].clips[0].lenght is not a known property");
    }

    @Test
    void rejectsAPropertyThatBelongsToAnotherAssetType() {
        assertThat(violationsOf(editWithAsset("""
                { "type": "image", "src": "https://example.com/a.jpg", "volume": 1 }
                """))).containsExactly("timeline.tracks[0].clips[0].asset.volume is not a known property");
    }

    @Test
    void rejectsAnUnknownTopLevelProperty() {
        assertThat(violationsOf("""
                {
                  "timeline": { "tracks": [ { "clips": [
                    { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "length": 1 }
                  ] } ] },
                  "output": { "format": "mp4" },
                  "webhook": "https://example.com/hook"
                }
                """)).containsExactly("webhook is not a known property");
    }

    @Test
    void acceptsTheDeprecatedDiskSettingOnlyWithItsListedValues() {
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":", "\"disk\": \"local\", \"output\":")))
                .isEmpty();
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":", "\"disk\": \"ssd\", \"output\":")))
                .containsExactly("disk must be one of: local, mount");
    }

    @Test
    void rejectsACallbackThatIsNotAnHttpUrl() {
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":",
                "\"callback\": \"s3://bucket/callback\", \"output\":")))
                .containsExactly("callback must be an absolute http or https URL");
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":", "\"callback\": \"/callback\", \"output\":")))
                .containsExactly("callback must be an absolute http or https URL");
    }

    @Test
    void rejectsACallbackWhoseHostIsNotWrittenCanonicallyOrThatNamesAUser() {
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":",
                "\"callback\": \"http://2130706433/hook\", \"output\":")))
                .containsExactly("callback must name its host as a DNS name (letters, digits and hyphens; international "
                        + "names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets");
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"output\":",
                "\"callback\": \"https://hooks.example.com@10.0.0.1/hook\", \"output\":")))
                .containsExactly("callback must not name a user or password");
    }

    @Test
    void rejectsABadTimelineBackgroundColour() {
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"#000000\"", "\"black\"")))
                .containsExactly("timeline.background must be a hexadecimal colour such as #ff0000");
    }

    @Test
    void rejectsASoundtrackWithoutSourceOrWithAnUnknownEffect() {
        String withoutSource = CONTRACT_EXAMPLE.replace(
                "\"src\": \"https://s3-ap-northeast-1.amazonaws.com/my-bucket/music.mp3\",", "");
        assertThat(violationsOf(withoutSource)).containsExactly("timeline.soundtrack.src is required");
        assertThat(violationsOf(CONTRACT_EXAMPLE.replace("\"fadeInFadeOut\"", "\"fadeAway\"")))
                .containsExactly("timeline.soundtrack.effect must be one of: fadeIn, fadeOut, fadeInFadeOut");
    }

    @Test
    void rejectsBadCustomFontsAndCacheFlag() {
        assertThat(violationsOf("""
                {
                  "timeline": {
                    "fonts": [ { "src": "https://example.com/a.ttf" }, {}, { "src": "file:///etc/passwd" } ],
                    "cache": "no",
                    "tracks": [ { "clips": [
                      { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "length": 1 }
                    ] } ]
                  },
                  "output": { "format": "mp4" }
                }
                """)).containsExactly(
                "timeline.fonts[1].src is required",
                "timeline.fonts[2].src must be an absolute http or https or s3 URL",
                "timeline.cache must be a boolean");
    }

    @Test
    void reportsAtMostTwentyFiveViolationsForADocumentWithHundredsOfErrors() {
        String badClip = """
                { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": -1, "length": 0 }
                """;
        String edit = editWithClip(String.join(",", Collections.nCopies(300, badClip)));

        assertThat(violationsOf(edit))
                .hasSize(Violations.MAX_REPORTED)
                .hasSize(25)
                .startsWith(
                        "timeline.tracks[0].clips[0].start must be a number greater than or equal to 0",
                        "timeline.tracks[0].clips[0].length must be a number greater than 0",
                        "timeline.tracks[0].clips[1].start must be a number greater than or equal to 0")
                .endsWith("timeline.tracks[0].clips[12].start must be a number greater than or equal to 0");
    }
}
