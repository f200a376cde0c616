package dev.reelforge.core.plan;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.RichTextBudget;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Output;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Soundtrack;
import dev.reelforge.core.edit.model.TitleStyle;
import dev.reelforge.core.edit.model.Track;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.VolumeEffect;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an edit against its probed sources into a {@link RenderPlan}: smart starts and lengths become
 * seconds, the output range cuts every layer and sound, fit/scale/position/offset become pixel boxes,
 * and transitions are fitted into their clips.
 */
public final class RenderPlanner {

    /** How long a clip's fadeIn/fadeOut volume effect takes. */
    static final double CLIP_FADE_SECONDS = 1.0;
    /** How long a soundtrack's fadeIn/fadeOut takes. */
    static final double SOUNDTRACK_FADE_SECONDS = 2.0;
    /** A subtitle title without a background of its own sits on this translucent black band. */
    static final Color SUBTITLE_BAND = new Color(0, 0, 0, 153);
    /** MediaConvert writes frames at least this many pixels on each side. */
    static final int MIN_CAPTURE_SIDE = 32;

    private record Placed(Clip clip, String path, double start, double length) {}

    /** A reason the plan cannot be made, carried out of the resolution steps. */
    private static final class Unplannable extends RuntimeException {
        Unplannable(String reason) {
            super(reason, null, false, false);
        }
    }

    public Planning plan(Edit edit, Map<URI, MediaInfo> probes) {
        return plan(edit, probes, Map.of());
    }

    /** @param captions the cues of every caption asset's subtitle file, by its {@code src} */
    public Planning plan(Edit edit, Map<URI, MediaInfo> probes, Map<URI, List<Cue>> captions) {
        try {
            return new Planning.Planned(planOrThrow(edit, probes, captions));
        } catch (Unplannable unplannable) {
            return new Planning.Unplannable(unplannable.getMessage());
        }
    }

    private RenderPlan planOrThrow(Edit edit, Map<URI, MediaInfo> probes, Map<URI, List<Cue>> captions) {
        Map<URI, SourceFile> sources = new LinkedHashMap<>();
        List<List<Placed>> tracks = place(edit.timeline().tracks(), probes, sources);
        double timelineEnd = tracks.stream().flatMap(List::stream)
                .filter(placed -> !Double.isNaN(placed.length()))
                .mapToDouble(placed -> placed.start() + placed.length())
                .max()
                .orElseThrow(() -> new Unplannable("the timeline has no length: every clip lasts to its end"));
        Output output = edit.output();
        double from = output.range().map(Output.Range::start).orElse(0.0);
        double to = Math.min(timelineEnd, from + output.range().map(Output.Range::length).orElse(timelineEnd));
        if (from >= timelineEnd) {
            throw new Unplannable(String.format(Locale.ROOT,
                    "output.range starts at %.3fs, at or after the end of the timeline (%.3fs)", from, timelineEnd));
        }
        double duration = to - from;
        Window window = new Window(from, duration);
        Size frame = output.size();

        List<VisualLayer> layers = new ArrayList<>();
        List<AudioPart> sounds = new ArrayList<>();
        RichTextBudget richTextWork = new RichTextBudget();
        for (int t = tracks.size() - 1; t >= 0; t--) {
            LumaMattes mattes = LumaMattes.of(tracks.get(t).stream().map(placed -> new LumaMattes.Span(placed.clip(),
                    placed.start(), Double.isNaN(placed.length()) ? timelineEnd : placed.start() + placed.length()))
                    .toList());
            for (int c = 0; c < tracks.get(t).size(); c++) {
                Placed placed = tracks.get(t).get(c);
                int index = c;
                double length = Double.isNaN(placed.length()) ? timelineEnd - placed.start() : placed.length();
                window.cut(placed.start(), length).ifPresent(cut -> {
                    Optional<VisualLayer> visual = visual(placed, cut, frame, sources, captions);
                    if (visual.orElse(null) instanceof VisualLayer.RichText rich) {
                        // the drawing bounded before it is done: lengths of auto or end are known only now
                        richTextWork.add(RichTextBudget.pixels(rich.text(), rich.width(), rich.height(),
                                rich.skipped(), rich.timing().length(), output.fps())).ifPresent(problem -> {
                                    throw new Unplannable(placed.path() + ".asset.animation " + problem);
                                });
                    }
                    visual.map(layer -> switch (layer) {
                        case VisualLayer.Picture picture -> picture.withMattes(mattes.of(index, from, duration, sources));
                        case VisualLayer.Text text -> text.withMattes(mattes.of(index, from, duration, sources));
                        case VisualLayer.RichText rich -> rich.withMattes(mattes.of(index, from, duration, sources));
                        case VisualLayer.Caption caption -> caption;
                    }).ifPresent(layers::add);
                    sound(placed.clip(), cut, sources).ifPresent(sounds::add);
                });
            }
        }
        edit.timeline().soundtrack().ifPresent(soundtrack -> {
            MediaInfo info = probes.get(soundtrack.src());
            if (info == null) {
                throw new Unplannable("timeline.soundtrack.src was not probed");
            }
            SourceFile source = sources.computeIfAbsent(soundtrack.src(),
                    src -> new SourceFile(sources.size(), src, info));
            soundtrack(soundtrack, window, source).ifPresent(sounds::add);
        });
        if (output.mute()) {
            sounds.clear();
        }
        return new RenderPlan(frame, output.fps(), edit.timeline().background(), duration, 0,
                List.copyOf(sources.values()), layers, sounds, outputPlan(output, window));
    }

    /** Gives every clip its start and length on the timeline (NaN length: to the end, decided later). */
    private static List<List<Placed>> place(List<Track> tracks, Map<URI, MediaInfo> probes,
            Map<URI, SourceFile> sources) {
        for (int t = 0; t < tracks.size(); t++) {
            List<Clip> clips = tracks.get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                if (clips.get(c).asset() instanceof Asset.Sourced sourced) {
                    MediaInfo info = probes.get(sourced.src());
                    if (info == null) {
                        throw new Unplannable(SmartClipTimes.path(t, c) + ".asset.src was not probed");
                    }
                    sources.computeIfAbsent(sourced.src(), src -> new SourceFile(sources.size(), src, info));
                }
            }
        }
        double[][][] times;
        try {
            times = SmartClipTimes.resolve(tracks, (clip, path) -> assetLength(clip.asset(), sources, path));
        } catch (SmartClipTimes.Unresolvable unresolvable) {
            throw new Unplannable(unresolvable.getMessage());
        }
        List<List<Placed>> placed = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            List<Placed> track = new ArrayList<>();
            List<Clip> clips = tracks.get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                track.add(new Placed(clips.get(c), SmartClipTimes.path(t, c), times[t][c][0], times[t][c][1]));
            }
            placed.add(track);
        }
        return placed;
    }

    private static double assetLength(Asset asset, Map<URI, SourceFile> sources, String path) {
        record Played(URI src, double trim, double speed) {}
        Played played = switch (asset) {
            case Asset.Video video -> new Played(video.src(), video.trim(), video.speed());
            case Asset.Audio audio -> new Played(audio.src(), audio.trim(), audio.speed());
            default -> null;
        };
        if (played == null) {
            return SmartClipTimes.STILL_SECONDS;
        }
        MediaInfo info = sources.get(played.src()).info();
        if (info.duration().isEmpty()) {
            throw new Unplannable(path + ".length is auto, but the length of " + played.src() + " is unknown");
        }
        double remaining = info.duration().getAsDouble() - played.trim();
        if (remaining <= 0) {
            throw new Unplannable(path + ".asset.trim is past the end of " + played.src());
        }
        return remaining / played.speed();
    }

    private static Optional<VisualLayer> visual(Placed placed, Cut cut, Size frame, Map<URI, SourceFile> sources,
            Map<URI, List<Cue>> captions) {
        Clip clip = placed.clip();
        Look look = new Look(clip.opacity(),
                cut.keepsStart() ? fitted(clip.transitionIn(), cut.timing().length()) : Optional.empty(),
                cut.keepsEnd() ? fitted(clip.transitionOut(), cut.timing().length()) : Optional.empty(),
                clip.effect(), clip.filter(), clip.animation(), cut.timing().start() - cut.skipped());
        return switch (clip.asset()) {
            case Asset.Video video -> {
                SourceFile source = sources.get(video.src());
                requirePicture(source, placed.path());
                // a paused video (speed 0) is a still of its frame at trim
                yield Optional.of(new VisualLayer.Picture(cut.timing(), look, source,
                        video.trim() + cut.skipped() * video.speed(), video.speed(), video.paused(),
                        box(clip, source.info().video().orElseThrow(), frame), List.of(), video.chromaKey()));
            }
            case Asset.Luma luma -> {
                // never drawn itself: LumaMattes gives it to the picture it masks
                SourceFile source = sources.get(luma.src());
                requirePicture(source, placed.path());
                if (source.info().duration().isPresent() && luma.trim() >= source.info().duration().getAsDouble()) {
                    throw new Unplannable(placed.path() + ".asset.trim is past the end of " + luma.src());
                }
                yield Optional.empty();
            }
            case Asset.Drawn drawn -> {
                SourceFile source = sources.get(drawn.src());
                requirePicture(source, placed.path());
                yield Optional.of(new VisualLayer.Picture(cut.timing(), look, source, 0, 1, true,
                        box(clip, source.info().video().orElseThrow(), frame)));
            }
            case Asset.Image image -> {
                SourceFile source = sources.get(image.src());
                requirePicture(source, placed.path());
                yield Optional.of(new VisualLayer.Picture(cut.timing(), look, source, 0, 1, true,
                        box(clip, source.info().video().orElseThrow(), frame)));
            }
            case Asset.Title title -> {
                Position position = title.position().orElse(
                        title.style() == TitleStyle.SUBTITLE ? Position.BOTTOM : clip.position());
                Optional<Color> background = title.background().or(() ->
                        title.style() == TitleStyle.SUBTITLE ? Optional.of(SUBTITLE_BAND) : Optional.empty());
                int size = (int) Math.round(frame.height() * title.size().ofHeight() * title.style().sizeFactor()
                        * clip.scale());
                String text = title.style().uppercase() ? title.text().toUpperCase(Locale.ROOT) : title.text();
                yield Optional.of(new VisualLayer.Text(cut.timing(), look, text, title.style().face(),
                        Math.max(1, size), 1.2, title.color(), background, Optional.empty(), Optional.empty(),
                        Asset.HorizontalAlign.CENTER,
                        Asset.VerticalAlign.CENTER, position,
                        new Offset(title.offset().x() + clip.offset().x(), title.offset().y() + clip.offset().y()),
                        false, clip.transform()));
            }
            // without a box of its own, text takes the clip's (newest contract: clip width/height)
            case Asset.Text text -> Optional.of(new VisualLayer.Text(cut.timing(), look, text.text(), text.face(),
                    Math.max(1, (int) Math.round(text.size() * clip.scale())), text.lineHeight(), text.color(),
                    text.background(),
                    text.width().or(() -> clip.bounds().width()).map(width -> (int) Math.round(width * clip.scale())),
                    text.height().or(() -> clip.bounds().height())
                            .map(height -> (int) Math.round(height * clip.scale())),
                    text.horizontal(), text.vertical(), clip.position(), clip.offset(), true, text.finish(),
                    clip.transform()));
            case Asset.RichText rich -> Optional.of(richText(rich, clip, cut, look, frame));
            case Asset.Caption caption -> {
                List<Cue> cues = captions.get(caption.src());
                if (cues == null) {
                    throw new Unplannable(placed.path() + ".asset.src was not read");
                }
                Optional<List<Cue>> shown = CaptionTimes.shown(caption, cues, cut.timing(),
                        cut.timing().start() - cut.skipped());
                if (caption.style().finish().painted()) {
                    int pictures = shown.map(placedCues -> PaintedCaptions.pictures(placedCues, caption.style()))
                            .orElse(0);
                    if (pictures > PaintedCaptions.MAX_PICTURES) {
                        throw new Unplannable(placed.path() + ".asset.src has cues and spoken words for " + pictures
                                + " pictures in this render; a painted rich caption clip draws at most "
                                + PaintedCaptions.MAX_PICTURES);
                    }
                }
                int changes = shown.filter(placedCues -> !caption.style().finish().painted())
                        .map(placedCues -> CaptionTimes.changes(placedCues,
                        caption.style().animation() != CaptionStyle.WordAnimation.NONE)).orElse(0);
                if (changes > CaptionTimes.MAX_CHANGES) {
                    throw new Unplannable(placed.path() + ".asset.src has " + changes + " cues and spoken words to"
                            + " draw in this render; a caption clip draws at most " + CaptionTimes.MAX_CHANGES);
                }
                yield shown.map(placedCues -> new VisualLayer.Caption(cut.timing(), look, placedCues, caption.style()
                                .scaled(clip.scale()).placedAt(clip.position()), clip.offset(), clip.transform()));
            }
            case Asset.Audio audio -> Optional.empty();
            // ProduceRender draws HTML into a picture (FontsAndPages) before planning
            case Asset.Html html -> throw new Unplannable(placed.path() + ".asset (html) was not drawn before planning");
        };
    }

    /**
     * Rich text is drawn at its box's size (the clip's width and height, else the frame's) and shown like a
     * picture of that size: not fitted, scaled by the clip's scale, placed by its position and offset.
     */
    private static VisualLayer.RichText richText(Asset.RichText rich, Clip clip, Cut cut, Look look, Size frame) {
        int width = rich.width().orElse(frame.width());
        int height = rich.height().orElse(frame.height());
        int scaledWidth = even(width * clip.scale());
        int scaledHeight = even(height * clip.scale());
        int x = (int) Math.round((frame.width() - scaledWidth) * clip.position().x() + clip.offset().x() * frame.width());
        int y = (int) Math.round((frame.height() - scaledHeight) * clip.position().y()
                - clip.offset().y() * frame.height());
        return new VisualLayer.RichText(cut.timing(), look, rich.look(), width, height, cut.skipped(),
                new Box(scaledWidth, scaledHeight, new Box.Crop(0, 0, scaledWidth, scaledHeight), x, y,
                        clip.transform()));
    }

    private static void requirePicture(SourceFile source, String path) {
        if (!source.info().hasVideo()) {
            throw new Unplannable(path + ".asset.src " + source.src() + " has no picture");
        }
    }

    private static Optional<AudioPart> sound(Clip clip, Cut cut, Map<URI, SourceFile> sources) {
        record Sound(URI src, double trim, double speed, double volume, Optional<VolumeEffect> effect) {}
        Sound sound = switch (clip.asset()) {
            case Asset.Video video -> new Sound(video.src(), video.trim(), video.speed(), video.volume(),
                    video.volumeEffect());
            case Asset.Audio audio -> new Sound(audio.src(), audio.trim(), audio.speed(), audio.volume(), audio.effect());
            default -> null;
        };
        if (sound == null || sound.speed() == 0 || sound.volume() <= 0
                || clip.animation().volume().map(Keyframes::neverAbove0).orElse(false)) {
            return Optional.empty();
        }
        SourceFile source = sources.get(sound.src());
        if (!source.info().hasAudio()) {
            if (clip.asset() instanceof Asset.Audio) {
                throw new Unplannable("the audio asset " + sound.src() + " has no sound");
            }
            return Optional.empty();
        }
        double fade = Math.min(CLIP_FADE_SECONDS, cut.timing().length() / 2);
        return Optional.of(new AudioPart(cut.timing(), source, sound.trim() + cut.skipped() * sound.speed(),
                sound.speed(), sound.volume(),
                cut.keepsStart() && sound.effect().map(VolumeEffect::fadesIn).orElse(false) ? fade : 0,
                cut.keepsEnd() && sound.effect().map(VolumeEffect::fadesOut).orElse(false) ? fade : 0,
                clip.animation().volume().map(tweens -> tweens.shifted(cut.skipped()))));
    }

    private static Optional<AudioPart> soundtrack(Soundtrack soundtrack, Window window, SourceFile source) {
        if (!source.info().hasAudio()) {
            throw new Unplannable("timeline.soundtrack.src " + soundtrack.src() + " has no sound");
        }
        if (soundtrack.volume() <= 0) {
            return Optional.empty();
        }
        double available = source.info().duration().orElse(Double.POSITIVE_INFINITY) - window.from();
        double length = Math.min(window.duration(), available);
        if (length <= 0) {
            return Optional.empty();
        }
        double fade = Math.min(SOUNDTRACK_FADE_SECONDS, length / 2);
        boolean fadeIn = soundtrack.effect().map(VolumeEffect::fadesIn).orElse(false);
        boolean fadeOut = soundtrack.effect().map(VolumeEffect::fadesOut).orElse(false);
        return Optional.of(new AudioPart(new Timing(0, length), source, window.from(), 1, soundtrack.volume(),
                fadeIn ? fade : 0, fadeOut ? fade : 0));
    }

    private static Optional<Look.PlannedTransition> fitted(Optional<Transition> transition, double length) {
        return transition.map(chosen -> new Look.PlannedTransition(chosen, Math.min(chosen.seconds(), length / 2)));
    }

    /** Sizes and places a picture in the frame, per the clip's fit, scale, position and offset. */
    static Box box(Clip clip, MediaInfo.VideoStream source, Size frame) {
        // The asset's crop comes first: fit, scale and position work on what is left of it.
        Transform.Crop cut = clip.transform().crop();
        record Kept(double width, double height) {}
        Kept picture = new Kept(Math.max(1, source.width() * cut.keptWidth()),
                Math.max(1, source.height() * cut.keptHeight()));
        // the clip's own box (newest contract: clip width/height) replaces the frame it is fitted into
        double areaWidth = clip.bounds().width().orElse(frame.width()) * clip.scale();
        double areaHeight = clip.bounds().height().orElse(frame.height()) * clip.scale();
        int scaledWidth;
        int scaledHeight;
        int visibleWidth;
        int visibleHeight;
        switch (clip.fit()) {
            case CROP -> {
                double factor = Math.max(areaWidth / picture.width(), areaHeight / picture.height());
                scaledWidth = even(picture.width() * factor);
                scaledHeight = even(picture.height() * factor);
                visibleWidth = Math.min(scaledWidth, even(areaWidth));
                visibleHeight = Math.min(scaledHeight, even(areaHeight));
            }
            case COVER -> {
                scaledWidth = visibleWidth = even(areaWidth);
                scaledHeight = visibleHeight = even(areaHeight);
            }
            case CONTAIN -> {
                double factor = Math.min(areaWidth / picture.width(), areaHeight / picture.height());
                scaledWidth = visibleWidth = even(picture.width() * factor);
                scaledHeight = visibleHeight = even(picture.height() * factor);
            }
            default -> {
                scaledWidth = visibleWidth = even(picture.width() * clip.scale());
                scaledHeight = visibleHeight = even(picture.height() * clip.scale());
            }
        }
        // a picture larger than the clip's own box is cut to it, as crop cuts one larger than the frame
        if (clip.bounds().width().isPresent()) {
            visibleWidth = Math.min(visibleWidth, even(areaWidth));
        }
        if (clip.bounds().height().isPresent()) {
            visibleHeight = Math.min(visibleHeight, even(areaHeight));
        }
        Box.Crop crop = new Box.Crop((scaledWidth - visibleWidth) / 2, (scaledHeight - visibleHeight) / 2,
                visibleWidth, visibleHeight);
        // the position places the clip's own box when it has one, the picture centred in it
        double slotWidth = clip.bounds().width().isPresent() ? areaWidth : visibleWidth;
        double slotHeight = clip.bounds().height().isPresent() ? areaHeight : visibleHeight;
        int x = (int) Math.round((frame.width() - slotWidth) * clip.position().x() + clip.offset().x() * frame.width()
                + (slotWidth - visibleWidth) / 2);
        int y = (int) Math.round((frame.height() - slotHeight) * clip.position().y()
                - clip.offset().y() * frame.height() + (slotHeight - visibleHeight) / 2);
        return new Box(scaledWidth, scaledHeight, crop, x, y, clip.transform());
    }

    private static OutputPlan outputPlan(Output output, Window window) {
        double lastFrame = Math.max(0, window.duration() - 1 / output.fps().value());
        Optional<Double> poster = output.posterAt().map(at -> clamp(at - window.from(), lastFrame));
        Optional<OutputPlan.ThumbnailPlan> thumbnail = output.thumbnail().map(requested ->
                new OutputPlan.ThumbnailPlan(clamp(requested.capture() - window.from(), lastFrame),
                        thumbnailSize(output.deliveredSize(), requested.scale())));
        boolean image = output.format().kind() == OutputFormat.Kind.IMAGE;
        return new OutputPlan(output.format(), output.deliveredSize(), output.fps(), output.quality(),
                output.repeat(), output.mute(), image ? Optional.empty() : poster,
                image ? Optional.empty() : thumbnail, output.hosted(), false);
    }

    /** The output scaled down, but never under the 32 pixels a side MediaConvert encodes. */
    private static Size thumbnailSize(Size output, double scale) {
        double factor = scale > 0 ? scale : 1;
        double smallest = Math.min(output.width(), output.height()) * factor;
        return output.scaled(smallest < MIN_CAPTURE_SIDE ? MIN_CAPTURE_SIDE / (double) Math.min(output.width(),
                output.height()) : factor);
    }

    private static double clamp(double seconds, double max) {
        return Math.max(0, Math.min(seconds, max));
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    /** The rendered part of the timeline: {@code duration} seconds from {@code from}. */
    private record Window(double from, double duration) {

        /** The part of [start, start+length) inside the window, on the output timeline. */
        Optional<Cut> cut(double start, double length) {
            double outputStart = start - from;
            double outputEnd = outputStart + length;
            double visibleStart = Math.max(0, outputStart);
            double visibleEnd = Math.min(duration, outputEnd);
            if (visibleEnd - visibleStart <= 1e-9) {
                return Optional.empty();
            }
            return Optional.of(new Cut(new Timing(visibleStart, visibleEnd - visibleStart), visibleStart - outputStart,
                    visibleStart == outputStart, visibleEnd == outputEnd));
        }
    }

    /**
     * A clip as the output sees it: its timing, how many seconds of its start were cut off, and whether its
     * start and end (and their transitions) are still there.
     */
    private record Cut(Timing timing, double skipped, boolean keepsStart, boolean keepsEnd) {}
}
