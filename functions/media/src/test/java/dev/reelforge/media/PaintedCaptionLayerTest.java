package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionFinish;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaintedCaptionLayerTest {

    @TempDir
    Path work;

    private static CaptionStyle style(CaptionStyle.WordAnimation animation, CaptionFinish finish) {
        return new CaptionStyle(FontFace.SANS_REGULAR, 32, 1.2, Color.WHITE, Optional.empty(), 0, Optional.empty(),
                Optional.empty(), 0, 0, CaptionStyle.Margin.NONE, Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.BOTTOM, CaptionStyle.TextTransform.NONE,
                Optional.of(new CaptionStyle.ActiveWord(Color.parse("#ff0000"), Optional.empty())), animation, finish);
    }

    private static CaptionFinish spaced() {
        return new CaptionFinish(4, RichTextLook.Decoration.NONE, Optional.empty(), 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The ffconcat list the layer writes for cues over {@code [from, to)}; {@code inputs} gets the graph's inputs. */
    private List<String> list(CaptionStyle style, List<Cue> cues, double from, double to, List<String> inputs)
            throws Exception {
        FilterGraph graph = new FilterGraph();
        new PaintedCaptionLayer(graph, new Size(320, 180), new Fps(25, 1), ChromaSampling.YUV420,
                new LiberationFonts(Path.of("target", "test-fonts")), work)
                .add("main", new VisualLayer.Caption(new Timing(0, 10_000), new Look(1, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), cues, style, Offset.NONE), from, to);
        inputs.addAll(graph.inputArguments());
        try (var files = Files.list(work)) {
            Path list = files.filter(file -> file.toString().endsWith(".ffconcat")).findFirst().orElseThrow();
            return Files.readAllLines(list);
        }
    }

    @Test
    void aCueIsAPicturePerSpokenWordThenAClearOne() throws Exception {
        Cue cue = new Cue(1, 3, "MMMM MMMM", List.of(new Cue.Word("MMMM", 1, 2), new Cue.Word("MMMM", 2, 3)));

        List<String> list = list(style(CaptionStyle.WordAnimation.HIGHLIGHT, spaced()), List.of(cue), 0, 4,
                new ArrayList<>());

        assertThat(list).containsExactly("ffconcat version 1.0",
                "file 'richcaption0-clear.png'", "duration 1",
                "file 'richcaption0-00001.png'", "duration 1",
                "file 'richcaption0-00002.png'", "duration 1",
                "file 'richcaption0-clear.png'", "duration 1",
                "file 'richcaption0-clear.png'");
    }

    @Test
    void hundredsOfCuesAreOneListReadAsOneInput() throws Exception {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            cues.add(new Cue(i, i + 0.5, "CUE " + i, List.of()));
        }
        List<String> inputs = new ArrayList<>();

        List<String> list = list(style(CaptionStyle.WordAnimation.NONE, spaced()), cues, 0, 500, inputs);

        assertThat(inputs.stream().filter("-i"::equals)).as("one input").hasSize(1);
        assertThat(list.stream().filter(line -> line.startsWith("file ")).distinct())
                .as("a picture per cue and one clear one").hasSize(501);
    }
}
