package dev.reelforge.core.caption;

import java.util.List;

/** What reading a subtitle file gave: its cues, or the first line that is not what its format allows. */
public sealed interface SubtitleParsing {

    record Parsed(List<Cue> cues) implements SubtitleParsing {
        public Parsed {
            cues = List.copyOf(cues);
        }
    }

    /** {@code line} counts from 1; {@code problem} is fit to show the user. */
    record Malformed(int line, String problem) implements SubtitleParsing {}
}
