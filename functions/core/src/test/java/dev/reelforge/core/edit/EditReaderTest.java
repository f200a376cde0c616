package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.ChromaKey;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fit;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Typeface;
import java.net.URI;
import java.util.Optional;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EditReaderTest {

    private static final String CLIP = """
            {"asset": %s, "start": 0, "length": 2%s}""";

    private static String edit(String asset, String clipExtra, String outputExtra) {
        return """
                {"timeline": {"tracks": [{"clips": [%s]}]}, "output": {"format": "mp4"%s}}
                """.formatted(CLIP.formatted(asset, clipExtra), outputExtra);
    }

    private static EditReading read(String json) throws Exception {
        var node = Json.MAPPER.readTree(json);
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        return new EditReader().read(node);
    }

    private static Edit renderable(String json) throws Exception {
        EditReading reading = read(json);
        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        return ((EditReading.Renderable) reading).edit();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            luma asset       | {"type": "luma", "src": "https://x.test/m.mp4", "trim": 1}       | ''                                     | ''                                                              | -
            html asset       | {"type": "html", "html": "<p>x</p>", "background": "transparent"} | ''                                     | ''                                                              | -
            html5 with js    | {"type": "html5", "html": "<p>x</p>", "js": "go()"}              | ''                                     | ''                                                              | timeline.tracks[0].clips[0].asset.js is not supported: JavaScript needs a browser, which the renderer does not run (static HTML and CSS are drawn)
            html5 static     | {"type": "html5", "html": "<p>x</p>", "css": "p { color: red; }"} | ''                                     | ''                                                              | -
            huge html box    | {"type": "html", "html": "<p>x</p>", "width": 5000}               | ''                                     | ''                                                              | timeline.tracks[0].clips[0].asset.width must be at most 4096 pixels
            shuffle          | {"type": "title", "text": "x"}                                   | , "transition": {"in": "shuffleTopRight", "out": "shuffleLeftBottomSlow"} | '' | -
            title transform  | {"type": "title", "text": "x"}                                   | , "transform": {"flip": {"horizontal": true}} | ''                                                       | -
            skew             | {"type": "image", "src": "https://x.test/i.png"}                 | , "transform": {"skew": {"x": 0.5, "y": -3}} | ''                                                        | -
            skew too far     | {"type": "image", "src": "https://x.test/i.png"}                 | , "transform": {"skew": {"x": 101}}    | ''                                                              | timeline.tracks[0].clips[0].transform.skew.x must be between -100 and 100 (fractions of the frame)
            tweened skew     | {"type": "image", "src": "https://x.test/i.png"}                 | , "transform": {"skew": {"x": [{"from": 0, "to": 0.5, "length": 1}], "y": -3}} | ''                  | -
            skew tween far   | {"type": "title", "text": "x"}                                   | , "transform": {"skew": {"y": [{"from": 0, "to": 0.5, "length": 1}, {"from": 0.5, "to": -101, "start": 1, "length": 1}]}} | '' | timeline.tracks[0].clips[0].transform.skew.y[1] from and to must be between -100 and 100 (fractions of the frame)
            tweened scale    | {"type": "title", "text": "x"}                                   | , "scale": [{"from": 0.2, "to": 1, "length": 1}] | ''                                                    | -
            tweened rotation | {"type": "image", "src": "https://x.test/i.png"}                 | , "transform": {"rotate": {"angle": [{"from": 0, "to": 90, "start": 0, "length": 1}]}}, "scale": [{"from": 0.2, "to": 1, "length": 1}] | '' | -
            crop to nothing  | {"type": "image", "src": "https://x.test/i.png", "crop": {"left": 0.5, "right": 0.5}} | '' | ''                                                                              | timeline.tracks[0].clips[0].asset.crop left and right add up to 1 or more: nothing of the asset is left
            no-op transform  | {"type": "title", "text": "x"}                                   | , "transform": {"rotate": {"angle": 0}, "skew": {"x": 0, "y": 0}, "flip": {"horizontal": false}} | '' | -
            image transform  | {"type": "image", "src": "https://x.test/i.png", "crop": {"top": 0.25}} | , "transform": {"rotate": {"angle": 90}, "flip": {"horizontal": true}} | ''   | -
            tweened title    | {"type": "title", "text": "x"}                                   | , "opacity": [{"from": 0, "to": 1, "length": 1}] | ''                                                    | -
            title own tweens | {"type": "title", "text": "x", "offset": {"x": [{"from": -0.2, "to": 0.2, "length": 1}], "y": 0.1}} | ''  | ''                                                    | -
            title both tween | {"type": "title", "text": "x", "offset": {"y": [{"from": 0, "to": 0.2, "length": 1}]}} | , "offset": {"y": [{"from": 0, "to": 0.2, "length": 1}]} | '' | timeline.tracks[0].clips[0].asset.offset.y cannot be an array of tweens while the clip's offset.y is one too (the title moves by their sum): tween one of them
            tweened caption  | {"type": "caption", "src": "https://x.test/c.srt"}               | , "opacity": [{"from": 0, "to": 1, "length": 1}], "offset": {"y": [{"from": 0, "to": 0.2, "length": 1}]}, "scale": [{"from": 1, "to": 2, "length": 1}] | '' | -
            turned captions  | {"type": "rich-caption", "src": "https://x.test/c.vtt"}          | , "transform": {"rotate": {"angle": [{"from": 0, "to": 90, "length": 1}]}, "skew": {"x": [{"from": 0, "to": 0.2, "length": 1}]}} | '' | -
            tweened richtext | {"type": "rich-text", "text": "x"}                               | , "scale": [{"from": 0.5, "to": 1, "length": 1}], "transform": {"rotate": {"angle": [{"from": 0, "to": 90, "length": 1}]}, "skew": {"y": [{"from": 0, "to": 0.1, "length": 1}]}} | '' | -
            tweened html     | {"type": "html", "html": "<p>x</p>"}                             | , "opacity": [{"from": 0, "to": 1, "length": 1}], "scale": [{"from": 0.5, "to": 1, "length": 1}] | '' | -
            tweened luma     | {"type": "luma", "src": "https://x.test/m.mp4"}                  | , "offset": {"x": [{"from": 0, "to": 1, "length": 1}]} | ''                                            | timeline.tracks[0].clips[0].offset as an array of tweens is not offered on luma assets: a luma is a matte stretched over the clip it masks, not a picture placed on the frame, so it has no opacity, place, size or turn of its own to tween (tween the masked clip, or make the matte's motion part of the luma's video)
            turned luma      | {"type": "luma", "src": "https://x.test/m.mp4"}                  | , "scale": [{"from": 0, "to": 1, "length": 1}] | ''                                                    | timeline.tracks[0].clips[0].scale as an array of tweens is not offered on luma assets: a luma is a matte stretched over the clip it masks, not a picture placed on the frame, so it has no opacity, place, size or turn of its own to tween (tween the masked clip, or make the matte's motion part of the luma's video)
            paused audio     | {"type": "audio", "src": "https://x.test/a.mp3", "speed": 0}     | ''                                     | ''                                                              | -
            tween, no length | {"type": "image", "src": "https://x.test/i.png"}                 | , "opacity": [{"from": 0, "to": 1}]    | ''                                                              | timeline.tracks[0].clips[0].opacity[0].length must be a number
            tween, text from | {"type": "image", "src": "https://x.test/i.png"}                 | , "offset": {"x": [{"from": "0,5", "to": 1, "length": 1}]} | ''                                          | timeline.tracks[0].clips[0].offset.x[0].from must be a number
            chroma key       | {"type": "video", "src": "https://x.test/v.mp4", "chromaKey": {"color": "#00ff00"}} | '' | ''                                                                                     | -
            paused video     | {"type": "video", "src": "https://x.test/v.mp4", "speed": 0}     | ''                                     | ''                                                              | -
            mux destination  | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "mux"}]                          | output.destinations[0].provider 'mux' is not offered: it is a third-party service that a self-hosted Reelforge has no account on (only the shotstack hosting destination and s3, your own bucket, are)
            s3 destination   | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3", "options": {"region": "us-east-1", "bucket": "my.bucket-1", "prefix": "a/b/", "filename": "clip(1)", "acl": "public-read"}}] | -
            s3, no options   | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3"}]                           | output.destinations[0].options is required for the s3 destination: at least region and bucket
            s3, bad acl      | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3", "options": {"region": "us-east-1", "bucket": "b-1", "acl": "everyone"}}] | output.destinations[0].options.acl must be one of S3's canned ACLs: private, public-read, public-read-write, authenticated-read, aws-exec-read, bucket-owner-read, bucket-owner-full-control
            s3, dot folder   | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3", "options": {"region": "us-east-1", "bucket": "b-1", "prefix": "a/../b"}}] | output.destinations[0].options.prefix must be 1 to 512 characters: folders of letters, digits and !_.*()- separated by /, such as my-renders or customer/videos
            s3, bad region   | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3", "options": {"region": "mars", "bucket": "b-1"}}] | output.destinations[0].options.region must be an AWS region such as us-east-1
            s3, bad bucket   | {"type": "title", "text": "x"}                                   | ''                                     | , "destinations": [{"provider": "s3", "options": {"region": "us-east-1", "bucket": "My_Bucket"}}] | output.destinations[0].options.bucket must be an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)
            unknown font     | {"type": "text", "text": "x", "font": {"family": "Comic Sans"}}  | ''                                     | ''                                                              | timeline.tracks[0].clips[0].asset.font.family 'Comic Sans' is not an available font; available: Liberation Sans, Arial, Helvetica, sans-serif, Liberation Serif, Times New Roman, Times, serif, Liberation Mono, Courier New, Courier, monospace, Montserrat SemiBold, Montserrat ExtraBold, Arapey Regular, Arapey, Clear Sans, Didact Gothic, Open Sans, OpenSans Bold, Permanent Marker, Roboto, Sue Ellen Francisco, Work Sans, WorkSans Light, Inter, Manrope, or a family of timeline.fonts
            caption font     | {"type": "caption", "src": "https://x.test/c.srt", "font": {"family": "Comic Sans"}} | '' | ''                                                      | timeline.tracks[0].clips[0].asset.font.family 'Comic Sans' is not an available font; available: Liberation Sans, Arial, Helvetica, sans-serif, Liberation Serif, Times New Roman, Times, serif, Liberation Mono, Courier New, Courier, monospace, Montserrat SemiBold, Montserrat ExtraBold, Arapey Regular, Arapey, Clear Sans, Didact Gothic, Open Sans, OpenSans Bold, Permanent Marker, Roboto, Sue Ellen Francisco, Work Sans, WorkSans Light, Inter, Manrope
            paused captions  | {"type": "caption", "src": "https://x.test/c.srt", "speed": 0}   | ''                                     | ''                                                              | -
            caption fade     | {"type": "caption", "src": "https://x.test/c.srt"}               | , "transition": {"in": "fade"}         | ''                                                              | -
            rich-caption fx  | {"type": "rich-caption", "src": "https://x.test/c.vtt"}          | , "transition": {"out": "slideLeft"}, "effect": "zoomInSlow", "filter": "greyscale" | '' | -
            caption margins  | {"type": "caption", "src": "https://x.test/c.srt", "margin": {"left": 0.5, "right": 0.5}} | '' | ''                                                       | timeline.tracks[0].clips[0].asset.margin left and right add up to the whole frame width or more, leaving no room for the captions
            caption          | {"type": "caption", "src": "https://x.test/c.srt", "font": {"family": "Arial", "stroke": "#ff0000"}, "background": {"padding": 4}, "margin": {"top": 0.1}} | '' | '' | -
            rich alias       | {"type": "rich-caption", "src": "alias://speech"}              | ''                                     | ''                                                              | timeline.tracks[0].clips[0].asset.src 'alias://speech' would need speech recognition (auto-transcription), which Reelforge does not offer: give a subtitle file (.srt, .vtt, .ttml or .dfxp)
            rich media src   | {"type": "rich-caption", "src": "https://x.test/talk.MP3?x=1"}   | ''                                     | ''                                                              | timeline.tracks[0].clips[0].asset.src 'https://x.test/talk.MP3?x=1' would need speech recognition (auto-transcription), which Reelforge does not offer: give a subtitle file (.srt, .vtt, .ttml or .dfxp)
            rich-caption     | {"type": "rich-caption", "src": "https://x.test/c.ttml", "font": {"family": "Arial", "weight": "bold", "size": 40}, "style": {"textTransform": "uppercase"}, "stroke": {"width": 2}, "background": {"color": "#000000", "borderRadius": 4}, "padding": 6, "align": {"vertical": "bottom"}, "active": {"font": {"color": "#ffff00"}, "shadow": "none"}, "animation": {"style": "karaoke"}} | '' | '' | -
            auto title       | {"type": "title", "text": "x"}                                   | ''                                     | ''                                                              | -
            """)
    void refusesWhatTheRendererCannotDoNamingTheField(String name, String asset, String clipExtra, String outputExtra,
            String message) throws Exception {
        EditReading reading = read(edit(asset, clipExtra, outputExtra));

        if (message.equals("-")) {
            assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        } else {
            assertThat(((EditReading.Unsupported) reading).violations()).extracting(Violation::message)
                    .containsExactly(message);
        }
    }

    @Test
    void tweenedOpacityOffsetAndVolumeAreReadAsFunctionsOfTheClipsTime() throws Exception {
        Edit edit = renderable(edit("""
                {"type": "video", "src": "https://x.test/v.mp4",
                 "volume": [{"from": 1, "to": 0, "start": 1, "length": 1, "interpolation": "linear"}]}""", """
                , "opacity": [{"from": 0, "to": 1, "length": 2, "interpolation": "bezier"}],
                  "offset": {"x": [{"from": -0.5, "to": 0.5, "start": 0.5, "length": 1}], "y": 0.1}""", ""));

        var clip = edit.timeline().tracks().getFirst().clips().getFirst();
        assertThat(clip.opacity()).as("the static opacity: the first from").isEqualTo(0);
        assertThat(clip.animation().opacity().orElseThrow().valueAt(1)).isCloseTo(0.8024, within(0.01));
        assertThat(clip.offset().x()).isEqualTo(-0.5);
        assertThat(clip.offset().y()).isEqualTo(0.1);
        assertThat(clip.animation().offsetX().orElseThrow().valueAt(1)).isEqualTo(0);
        assertThat(clip.animation().offsetY()).isEmpty();
        assertThat(clip.animation().volume().orElseThrow().valueAt(1.5)).isEqualTo(0.5);
        assertThat(((Asset.Video) clip.asset()).volume()).as("the asset's plain volume").isEqualTo(1);
    }

    @Test
    void aTweenValueLeftAsADecimalStringByAMergeFieldIsReadAsThatNumber() throws Exception {
        // Shotstack's business-performance-comparison template: "to": "{{BAR_6_HEIGHT}}" merged with "0.13"
        Edit edit = renderable(Json.write(MergeFields.apply(Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 2,
                   "offset": {"y": [{"from": -0.075, "to": "{{ HEIGHT }}", "length": 1}]}}]}]},
                 "output": {"format": "mp4"}, "merge": [{"find": "HEIGHT", "replace": "0.13"}]}
                """))));

        var clip = edit.timeline().tracks().getFirst().clips().getFirst();
        assertThat(clip.animation().offsetY().orElseThrow().valueAt(1)).isEqualTo(0.13);
        assertThat(clip.animation().offsetY().orElseThrow().valueAt(0)).isEqualTo(-0.075);
    }

    @Test
    void aTitlesOwnTweenedOffsetIsReadAsTheClipsAnimationFromItsFirstValue() throws Exception {
        Edit edit = renderable(edit("""
                {"type": "title", "text": "x",
                 "offset": {"x": [{"from": -0.2, "to": 0.2, "length": 2}], "y": 0.1}}""", """
                , "offset": {"x": 0.05}""", ""));

        var clip = edit.timeline().tracks().getFirst().clips().getFirst();
        assertThat(((Asset.Title) clip.asset()).offset()).as("where it starts").isEqualTo(new Offset(-0.2, 0.1));
        assertThat(clip.offset().x()).as("the clip's own offset, added").isEqualTo(0.05);
        assertThat(clip.animation().offsetX().orElseThrow().valueAt(1)).isCloseTo(0, within(1e-9));
        assertThat(clip.animation().offsetY()).isEmpty();
    }

    @Test
    void readsAChromaKeyWithShotstacksExampleValuesForWhatIsLeftOut() throws Exception {
        Edit edit = renderable(edit("""
                {"type": "video", "src": "https://x.test/v.mp4", "chromaKey": {"threshold": 20}}""", "", ""));

        Asset.Video video = (Asset.Video) edit.timeline().tracks().getFirst().clips().getFirst().asset();
        assertThat(video.chromaKey()).contains(new ChromaKey(new Color(0, 255, 0, 255), 20, 100));
    }

    @Test
    void readsALumaOnATrackWithText() throws Exception {
        EditReading reading = read("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "title", "text": "a"}, "start": 0, "length": 2},
                  {"asset": {"type": "luma", "src": "https://x.test/m.mp4"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4"}}
                """);

        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
    }

    @Test
    void aFamilyNotShippedIsLookedForAmongTheTimelinesFonts() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"text\", \"text\": \"x\", \"font\": {\"family\": \"Gowun Dodum\"}}", "", "")
                .replace("\"tracks\"", "\"fonts\": [{\"src\": \"https://x.test/GowunDodum.ttf\"}], \"tracks\""));

        assertThat(edit.timeline().fonts()).containsExactly(URI.create("https://x.test/GowunDodum.ttf"));
        assertThat(((Asset.Text) edit.timeline().tracks().getFirst().clips().getFirst().asset()).face())
                .isEqualTo(new Typeface.Requested("Gowun Dodum"));
    }

    @Test
    void aShippedFamilyIsLookedForFirstAmongTheTimelinesFontsThenShipped() throws Exception {
        Edit withFonts = renderable(edit("{\"type\": \"text\", \"text\": \"x\", \"font\": {\"family\": \"Roboto\","
                + " \"weight\": 700}}", "", "")
                .replace("\"tracks\"", "\"fonts\": [{\"src\": \"https://x.test/Roboto.ttf\"}], \"tracks\""));
        Edit without = renderable(edit("{\"type\": \"text\", \"text\": \"x\", \"font\": {\"family\": \"Roboto\","
                + " \"weight\": 700}}", "", ""));

        assertThat(((Asset.Text) withFonts.timeline().tracks().getFirst().clips().getFirst().asset()).face())
                .isEqualTo(new Typeface.Requested("Roboto", Optional.of(FontFace.ROBOTO_BOLD)));
        assertThat(((Asset.Text) without.timeline().tracks().getFirst().clips().getFirst().asset()).face())
                .isEqualTo(FontFace.ROBOTO_BOLD);
    }

    @Test
    void anHtmlAssetKeepsItsBoxSizeUnlessAFitIsAskedFor() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"html\", \"html\": \"<p>x</p>\", \"css\": \"p { color: red; }\","
                + " \"width\": 400, \"height\": 200, \"background\": \"#80ff0000\", \"position\": \"topLeft\"}", "", ""));

        var clip = edit.timeline().tracks().getFirst().clips().getFirst();
        assertThat(clip.fit()).isEqualTo(Fit.NONE);
        assertThat(clip.asset()).isEqualTo(new Asset.Html("<p>x</p>", "p { color: red; }", Optional.of(400),
                Optional.of(200), new Color(255, 0, 0, 128), Position.TOP_LEFT));
        assertThat(renderable(edit("{\"type\": \"html\", \"html\": \"x\"}", ", \"fit\": \"cover\"", ""))
                .timeline().tracks().getFirst().clips().getFirst().fit()).isEqualTo(Fit.COVER);
    }

    @Test
    void acceptsACallback() throws Exception {
        String json = edit("{\"type\": \"title\", \"text\": \"x\"}", "", "")
                .replace("\"output\"", "\"callback\": \"https://example.com/hook\", \"output\"");

        assertThat(read(json)).isInstanceOf(EditReading.Renderable.class);
    }

    @Test
    void readsLengthAutoForAssetsWithoutALength() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"image\", \"src\": \"https://x.test/i.png\"}", "", "")
                .replace("\"length\": 2", "\"length\": \"auto\""));

        assertThat(edit.timeline().tracks().getFirst().clips().getFirst().length())
                .isInstanceOf(ClipLength.OfAsset.class);
    }

    @Test
    void refusesLengthAutoForAPausedAudio() throws Exception {
        EditReading reading = read(edit("{\"type\": \"audio\", \"src\": \"https://x.test/a.mp3\", \"speed\": 0}", "", "")
                .replace("\"length\": 2", "\"length\": \"auto\""));

        assertThat(((EditReading.Unsupported) reading).violations().getFirst().message()).isEqualTo(
                "timeline.tracks[0].clips[0].length cannot be auto for an audio whose speed is 0: a paused clip has no "
                        + "length of its own");
    }

    @Test
    void refusesLengthAutoForAPausedVideo() throws Exception {
        EditReading reading = read(edit("{\"type\": \"video\", \"src\": \"https://x.test/v.mp4\", \"speed\": 0}", "", "")
                .replace("\"length\": 2", "\"length\": \"auto\""));

        assertThat(((EditReading.Unsupported) reading).violations().getFirst().message()).isEqualTo(
                "timeline.tracks[0].clips[0].length cannot be auto for a video whose speed is 0: a paused clip has no "
                        + "length of its own");
    }

    @Test
    void refusesAnAutoStartAfterAClipThatLastsToTheEnd() throws Exception {
        String json = """
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "title", "text": "a"}, "start": 0, "length": "end"},
                  {"asset": {"type": "title", "text": "b"}, "start": "auto", "length": 2}]}]},
                 "output": {"format": "mp4"}}
                """;

        assertThat(((EditReading.Unsupported) read(json)).violations().getFirst().path().text())
                .isEqualTo("timeline.tracks[0].clips[1].start");
    }

    @Test
    void readsSmartStartsAndLengths() throws Exception {
        Edit edit = renderable("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "https://x.test/v.mp4"}, "start": 0, "length": "auto"},
                  {"asset": {"type": "title", "text": "b"}, "start": "auto", "length": "end"}]}]},
                 "output": {"format": "mp4"}}
                """);

        var clips = edit.timeline().tracks().getFirst().clips();
        assertThat(clips.get(0).length()).isInstanceOf(ClipLength.OfAsset.class);
        assertThat(clips.get(1).start()).isInstanceOf(ClipStart.AfterPrevious.class);
        assertThat(clips.get(1).length()).isInstanceOf(ClipLength.ToEnd.class);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "hd, 16:9, 1280, 720, 25", "hd, 9:16, 720, 1280, 25", "hd, 1:1, 720, 720, 25", "hd, 4:5, 576, 720, 25",
        "hd, 4:3, 960, 720, 25", "preview, 16:9, 512, 288, 15", "1080, 16:9, 1920, 1080, 25",
        "4k, 16:9, 3840, 2160, 25", "sd, 16:9, 1024, 576, 25"})
    void resolutionsAndAspectRatiosGiveTheFrameSize(String resolution, String aspectRatio, int width, int height,
            int fps) throws Exception {
        Edit edit = renderable(edit("{\"type\": \"title\", \"text\": \"x\"}", "",
                ", \"resolution\": \"" + resolution + "\", \"aspectRatio\": \"" + aspectRatio + "\""));

        assertThat(edit.output().size()).isEqualTo(new Size(width, height));
        assertThat(edit.output().fps()).isEqualTo(new Fps(fps, 1));
    }

    @Test
    void nonIntegerFrameRatesAreExactFractions() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"title\", \"text\": \"x\"}", "", ", \"fps\": 29.97"));

        assertThat(edit.output().fps()).isEqualTo(new Fps(30000, 1001));
    }

    @Test
    void aCustomVideoSizeOver1920IsRefused() throws Exception {
        EditReading reading = read(edit("{\"type\": \"title\", \"text\": \"x\"}", "",
                ", \"size\": {\"width\": 2560, \"height\": 1440}"));

        assertThat(((EditReading.Unsupported) reading).violations().getFirst().message())
                .isEqualTo("output.size must be at most 1920 pixels on each side for video (images may be up to 4096)");
    }

    @Test
    void excludingTheHostingDestinationIsRecorded() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"title\", \"text\": \"x\"}", "",
                ", \"destinations\": [{\"provider\": \"shotstack\", \"exclude\": true}]"));

        assertThat(edit.output().hosted()).isFalse();
    }

    @Test
    void textFontsMapToTheShippedFacesByFamilyAndWeight() throws Exception {
        Edit edit = renderable(edit("{\"type\": \"text\", \"text\": \"x\", \"font\": {\"family\": \"Times New Roman\", \"weight\": 700}}",
                "", ""));

        Asset.Text text = (Asset.Text) edit.timeline().tracks().getFirst().clips().getFirst().asset();
        assertThat(text.face()).isEqualTo(FontFace.SERIF_BOLD);
    }
}
