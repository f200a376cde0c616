package dev.reelforge.media;

import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.plan.AudioPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's sounds mixed into one 48 kHz stereo track of exactly the plan's duration.
 *
 * <p>Each part is read from a little before its trim (a decoder that starts mid-file, as an AAC or MP3 one does when
 * seeked, needs the frames before to give the first ones right; without them a part read from mid-source starts with
 * a few milliseconds ramping up from silence, heard as a click where a chunk of a longer render begins), the lead-in
 * cut off sample-exactly, for as long as it needs, sped up or slowed down with {@code atempo}
 * (which slows down by half at most, and sounds best up to 2x, so other factors are chained), made stereo (a mono source is put on
 * both channels at full level, not the -3 dB an automatic upmix gives), cut to its length, set to its
 * volume, faded, delayed to its start and padded to the end. {@code amix} divides every input by the number
 * of inputs, and would raise the others when one ends; since every part lasts to the end the divisor never
 * changes and a {@code volume} of that count undoes it: sounds add up as they are, with no normalisation.
 */
final class SoundMix {

    static final int SAMPLE_RATE = 48_000;
    private static final double READ_MARGIN_SECONDS = 0.5;
    /** Enough for AAC (a frame of 1024 samples) and MP3 (its bit reservoir reaches a few frames back) to settle. */
    private static final double LEAD_IN_SECONDS = 0.2;

    private SoundMix() {}

    /** Adds the mix of {@code parts} (silence if none) to the graph; returns its label. */
    static String add(FilterGraph graph, List<AudioPart> parts, Map<Integer, Path> files, double duration) {
        List<String> labels = new ArrayList<>();
        for (AudioPart part : parts) {
            labels.add(part(graph, part, files.get(part.source().index()), duration));
        }
        List<Filter> end = new ArrayList<>();
        String out = graph.label("sound");
        if (labels.isEmpty()) {
            end.add(Filter.of("anullsrc").with("r", SAMPLE_RATE).with("cl", "stereo"));
        } else if (labels.size() > 1) {
            end.add(Filter.of("amix").with("inputs", labels.size()).with("duration", "longest")
                    .with("dropout_transition", 0));
            end.add(Filter.of("volume").with("volume", labels.size()));
        }
        end.add(Filter.of("atrim").with("end", duration));
        graph.chain(labels, end, out);
        return out;
    }

    private static String part(FilterGraph graph, AudioPart part, Path file, double duration) {
        double length = part.timing().length();
        double leadIn = Math.min(part.trim(), LEAD_IN_SECONDS);
        int input = graph.input(new FilterGraph.Input(file, part.trim() - leadIn,
                leadIn + length * part.speed() + READ_MARGIN_SECONDS));
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("asetpts").positional("PTS-STARTPTS"));
        if (leadIn > 0) {
            filters.add(Filter.of("atrim").with("start", leadIn));
            filters.add(Filter.of("asetpts").positional("PTS-STARTPTS"));
        }
        if (part.source().info().audio().map(audio -> audio.channels() == 1).orElse(false)) {
            filters.add(Filter.of("pan").positional("stereo|c0=c0|c1=c0"));
        }
        filters.addAll(tempo(part.speed()));
        filters.add(Filter.of("aresample").with("out_sample_rate", SAMPLE_RATE));
        filters.add(Filter.of("aformat").with("sample_fmts", "fltp").with("sample_rates", SAMPLE_RATE)
                .with("channel_layouts", "stereo"));
        filters.add(Filter.of("atrim").with("end", length));
        if (part.volume() != 1) {
            filters.add(Filter.of("volume").with("volume", part.volume()));
        }
        part.volumeTweens().filter(tweens -> !tweens.isConstant()).ifPresent(tweens -> filters.add(
                Filter.of("volume").with("volume", KeyframesExpression.of(tweens, 0).text()).with("eval", "frame")));
        part.volumeTweens().filter(Keyframes::isConstant).ifPresent(tweens -> filters.add(
                Filter.of("volume").with("volume", Math.max(0, tweens.valueAt(0)))));
        if (part.fadeInSeconds() > 0) {
            filters.add(Filter.of("afade").with("t", "in").with("st", 0).with("d", part.fadeInSeconds()));
        }
        if (part.fadeOutSeconds() > 0) {
            filters.add(Filter.of("afade").with("t", "out").with("st", length - part.fadeOutSeconds())
                    .with("d", part.fadeOutSeconds()));
        }
        long delay = Math.round(part.timing().start() * SAMPLE_RATE);
        if (delay > 0) {
            filters.add(Filter.of("adelay").with("delays", delay + "S").with("all", 1));
        }
        filters.add(Filter.of("apad").with("whole_dur", duration));
        String label = graph.label("part");
        graph.chain(List.of(input + ":a"), filters, label);
        return label;
    }

    /** {@code atempo} instances whose factors multiply to {@code speed}, each within 0.5 to 2. */
    static List<Filter> tempo(double speed) {
        List<Filter> filters = new ArrayList<>();
        double left = speed;
        while (left > 2) {
            filters.add(Filter.of("atempo").with("tempo", 2));
            left /= 2;
        }
        while (left < 0.5) {
            filters.add(Filter.of("atempo").with("tempo", 0.5));
            left /= 0.5;
        }
        if (Math.abs(left - 1) > 1e-9) {
            filters.add(Filter.of("atempo").with("tempo", left));
        }
        return filters;
    }
}
