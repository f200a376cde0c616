package dev.reelforge.core.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubtitleParserTest {

    private static List<Cue> cues(String text) {
        SubtitleParsing parsing = SubtitleParser.parse(text);
        assertThat(parsing).isInstanceOf(SubtitleParsing.Parsed.class);
        return ((SubtitleParsing.Parsed) parsing).cues();
    }

    private static SubtitleParsing.Malformed malformed(String text) {
        SubtitleParsing parsing = SubtitleParser.parse(text);
        assertThat(parsing).isInstanceOf(SubtitleParsing.Malformed.class);
        return (SubtitleParsing.Malformed) parsing;
    }

    @Test
    void aSubRipFileGivesItsCuesWithTimesAndTextWithoutMarkup() {
        List<Cue> cues = cues("\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i> there\r\n{\\an8}again\r\n\r\n"
                + "2\n01:00:00.250 --> 01:00:01,000 X1:10 X2:20\nTom &amp; Jerry\n");

        assertThat(cues).containsExactly(
                new Cue(1, 2.5, "Hello there\nagain", List.of(new Cue.Word("Hello", 1, 1.5),
                        new Cue.Word("there", 1.5, 2), new Cue.Word("again", 2, 2.5))),
                new Cue(3600.25, 3601, "Tom & Jerry", List.of(new Cue.Word("Tom", 3600.25, 3600.5),
                        new Cue.Word("&", 3600.5, 3600.75), new Cue.Word("Jerry", 3600.75, 3601))));
    }

    @Test
    void aWebVttFileSkipsItsHeaderNotesAndStylesAndTakesHourlessTimes() {
        List<Cue> cues = cues("""
                WEBVTT - a title
                Kind: captions

                NOTE a note
                that runs on

                STYLE
                ::cue { color: red }

                intro
                00:01.000 --> 00:02.000 align:start position:10%
                <v Roger>Hi</v>

                00:00:03.000 --> 00:00:04.000
                Bye
                """);

        assertThat(cues).extracting(Cue::start, Cue::end, Cue::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 2.0, "Hi"),
                        org.assertj.core.groups.Tuple.tuple(3.0, 4.0, "Bye"));
    }

    @Test
    void webVttInlineTimestampsTimeTheWordsAfterThem() {
        Cue cue = cues("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOne <00:00:02.000>two three\n").getFirst();

        assertThat(cue.text()).isEqualTo("One two three");
        assertThat(cue.words()).containsExactly(new Cue.Word("One", 1, 2), new Cue.Word("two", 2, 2.5),
                new Cue.Word("three", 2.5, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            arrow written ->       | 1\\n00:00:01,000 -> 00:00:02,000\\nx\\n                   | 2 | expected a timing line such as 00:00:01,000 --> 00:00:02,500 after the cue number
            no number, no timing   | hello\\n                                              | 1 | expected a cue number or a timing line such as 00:00:01,000 --> 00:00:02,500
            minutes over 59        | 1\\n00:00:01,000 --> 00:00:02,000\\nx\\n\\n2\\n00:61:00,000 --> 00:62:00,000\\ny | 6 | '00:61:00,000' is not a time; expected a timing line such as 00:00:01,000 --> 00:00:02,500
            hours missing in srt   | 1\\n01:00,000 --> 02:00,000\\nx                          | 2 | '01:00,000' is not a time; expected a timing line such as 00:00:01,000 --> 00:00:02,500
            ends before it starts  | 1\\n00:00:03,000 --> 00:00:02,000\\nx                    | 2 | the cue ends before it starts
            vtt id without timing  | WEBVTT\\n\\nid\\nhello                                   | 4 | expected a timing line such as 00:00:01.000 --> 00:00:02.500 after the cue identifier
            empty                  | ''                                                      | 1 | the file holds no cues
            """)
    void aMalformedFileIsReportedWithItsLine(String what, String text, int line, String problem) {
        SubtitleParsing.Malformed malformed = malformed(text.replace("\\n", "\n"));

        assertThat(malformed.line()).isEqualTo(line);
        assertThat(malformed.problem()).isEqualTo(problem);
    }

    @Test
    void moreCuesThanTheLimitAreRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= SubtitleParser.MAX_CUES; i++) {
            text.append("00:00:01,000 --> 00:00:02,000\nx\n\n");
        }

        assertThat(malformed(text.toString()).problem()).isEqualTo("more than 2000 cues");
    }

    @Test
    void unclosedMarkupIsReadInTimeLinearInItsLength() {
        // 390 k characters of unclosed '<' and '{\': a scan searching for the closing mark again at each would be
        // quadratic and not finish in any reasonable time
        String payload = "<{\\".repeat(130_000);
        Cue cue = cues("00:00:01,000 --> 00:00:02,000\n" + payload + "\n").getFirst();

        assertThat(cue.text()).hasSize(payload.length());
    }

    @Test
    void aTtmlFileGivesItsParagraphsWithLineBreaksAndEveryTimeForm() {
        List<Cue> cues = cues("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
                    ttp:frameRate="25" ttp:tickRate="10">
                  <body><div>
                    <p begin="00:00:01.500" end="00:00:02:05">Hello<br/><span>big</span>   world</p>
                    <p begin="3s" dur="500ms">Two</p>
                    <p begin="40t" end="125f">Three</p>
                  </div></body>
                </tt>
                """);

        assertThat(cues).extracting(Cue::start, Cue::end, Cue::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1.5, 2.2, "Hello\nbig world"),
                org.assertj.core.groups.Tuple.tuple(3.0, 3.5, "Two"),
                org.assertj.core.groups.Tuple.tuple(4.0, 5.0, "Three"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no end     | <tt xmlns="http://www.w3.org/ns/ttml">\\n<body>\\n<p begin="1s">x</p></body></tt> | 3 | a <p> needs begin and end (or dur) times
            bad time   | <tt xmlns="http://www.w3.org/ns/ttml">\\n<body>\\n\\n<p begin="soon" end="2s">x</p></body></tt> | 4 | 'soon' is not a TTML time such as 00:00:01.500 or 1.5s
            not closed | <tt xmlns="http://www.w3.org/ns/ttml">\\n<body>\\n<p begin="1s" end="2s">x</body></tt> | 3 | not well-formed TTML
            an entity  | <!DOCTYPE tt [<!ENTITY x SYSTEM "file:///etc/passwd">]>\\n<tt><body><p begin="1s" end="2s">&x;</p></body></tt> | 2 | not well-formed TTML
            """)
    void aMalformedTtmlFileIsReportedWithItsLine(String what, String text, int line, String problem) {
        SubtitleParsing.Malformed malformed = malformed(text.replace("\\n", "\n"));

        assertThat(malformed.line()).isEqualTo(line);
        assertThat(malformed.problem()).isEqualTo(problem);
    }
}
