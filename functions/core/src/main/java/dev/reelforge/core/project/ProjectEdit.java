package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Turns a project and its style into a Shotstack edit that Reelforge renders (docs/STYLES.md): the project's name
 * as an intro title, then each frame for the style's slide length (photos fitted and moved by the style's motion,
 * their captions over them; text frames on their own background), then the credits; the music under all of it,
 * looped when it is known to be shorter, fading out at the end; output at the quality's size.
 */
public final class ProjectEdit {

    static final int FPS = 25;
    /** Loops of a short track beyond this are not worth a clip each: the soundtrack then plays it once. */
    static final int MAX_MUSIC_LOOPS = 100;

    private ProjectEdit() {}

    /** The length of the video this project makes in this style, in seconds. */
    public static double length(Project project, Style style) {
        return style.intro().length() + project.frames().size() * style.slideLength()
                + (project.credits().isEmpty() ? 0 : style.credits().length());
    }

    /** The edit; the project must be ready to render ({@link RenderReadiness}), its media resolvable. */
    public static ObjectNode of(Project project, Style style, MediaResolver media) {
        ProjectQuality quality = project.quality();
        double scale = quality.height() / 720.0;
        ArrayNode overlays = Json.MAPPER.createArrayNode();
        ArrayNode pictures = Json.MAPPER.createArrayNode();

        double time = 0;
        overlays.add(clip(title(project.name().orElseThrow(), style.intro().title()), time, style.intro().length(),
                style.intro().transitions()));
        time += style.intro().length();

        int photoIndex = 0;
        for (Frame frame : project.frames()) {
            switch (frame) {
                case Frame.Image image -> {
                    Style.PhotoLook look = style.photo();
                    ObjectNode photo = clip(Json.object().put("type", "image")
                            .put("src", media.resolve(image.photo()).url().toString()), time, style.slideLength(),
                            look.transitions());
                    photo.put("fit", look.fit()).put("scale", look.scale());
                    if (!look.motions().isEmpty()) {
                        photo.put("effect", look.motions().get(photoIndex % look.motions().size()));
                    }
                    look.filter().ifPresent(filter -> photo.put("filter", filter));
                    pictures.add(photo);
                    if (image.caption().isPresent()) {
                        overlays.add(clip(title(image.caption().get(), style.caption()), time, style.slideLength(),
                                look.transitions()));
                    }
                    photoIndex++;
                }
                case Frame.Text text -> {
                    Style.TextSlideLook look = style.textSlide();
                    pictures.add(clip(textBox(text.text(), look.text(), scale, quality)
                            .set("background", Json.object().put("color", look.background())), time,
                            style.slideLength(), look.transitions()));
                    if (!text.title().isBlank()) {
                        overlays.add(clip(title(text.title(), look.title()), time, style.slideLength(),
                                look.transitions()));
                    }
                }
            }
            time += style.slideLength();
        }

        if (!project.credits().isEmpty()) {
            Style.CreditsLook look = style.credits();
            String lines = project.credits().stream().map(credit -> credit.key() + ": " + credit.value())
                    .collect(Collectors.joining("\n"));
            ObjectNode credits = clip(textBox(lines, look.font(), scale, quality), time, look.length(),
                    look.transitions());
            look.motion().ifPresent(motion -> credits.put("effect", motion));
            overlays.add(credits);
            time += look.length();
        }

        ObjectNode timeline = Json.object().put("background", style.background());
        ArrayNode tracks = timeline.putArray("tracks");
        tracks.addObject().set("clips", overlays);
        tracks.addObject().set("clips", pictures);
        double total = time;
        project.music().ifPresent(music -> addMusic(timeline, tracks, media.resolve(music.music()), total));

        ObjectNode edit = Json.object();
        edit.set("timeline", timeline);
        ObjectNode output = edit.putObject("output").put("format", "mp4").put("fps", FPS);
        output.putObject("size").put("width", quality.width()).put("height", quality.height());
        return edit;
    }

    /**
     * A track shorter than the video loops (Picovico's rule), as audio clips end to end, the last fading out;
     * one of unknown length, or long enough, is the soundtrack, fading out.
     */
    private static void addMusic(ObjectNode timeline, ArrayNode tracks, MediaResolver.ResolvedMedia music,
            double total) {
        OptionalDouble seconds = music.seconds();
        String src = music.url().toString();
        if (seconds.isEmpty() || seconds.getAsDouble() >= total
                || Math.ceil(total / seconds.getAsDouble()) > MAX_MUSIC_LOOPS) {
            timeline.putObject("soundtrack").put("src", src).put("effect", "fadeOut");
            return;
        }
        double loop = seconds.getAsDouble();
        ArrayNode clips = tracks.addObject().putArray("clips");
        for (double start = 0; start < total - 0.01; start += loop) {
            double length = Math.min(loop, total - start);
            ObjectNode asset = Json.object().put("type", "audio").put("src", src);
            if (start + length >= total - 0.01) {
                asset.put("effect", "fadeOut");
            }
            clips.addObject().<ObjectNode>set("asset", asset).put("start", start).put("length", length);
        }
    }

    private static ObjectNode clip(ObjectNode asset, double start, double length, Style.Transitions transitions) {
        ObjectNode clip = Json.object();
        clip.set("asset", asset);
        clip.put("start", start).put("length", length);
        clip.putObject("transition").put("in", transitions.in()).put("out", transitions.out());
        return clip;
    }

    private static ObjectNode title(String text, Style.Typography look) {
        ObjectNode title = Json.object().put("type", "title").put("text", text).put("style", look.style())
                .put("color", look.color()).put("size", look.size()).put("position", look.position());
        look.background().ifPresent(background -> title.put("background", background));
        return title;
    }

    /** A text asset filling the frame, its text centred; the font's size is for 720 and scales with the quality. */
    private static ObjectNode textBox(String text, Style.TextFont font, double scale, ProjectQuality quality) {
        ObjectNode box = Json.object().put("type", "text").put("text", text)
                .put("width", quality.width()).put("height", quality.height());
        box.putObject("font").put("family", font.family()).put("color", font.color())
                .put("size", Math.max(8, (int) Math.round(font.size() * scale)));
        box.putObject("alignment").put("horizontal", "center").put("vertical", "center");
        return box;
    }
}
