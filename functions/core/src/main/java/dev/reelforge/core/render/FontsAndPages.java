package dev.reelforge.core.render;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Timeline;
import dev.reelforge.core.edit.model.Track;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.pipeline.FontReader;
import dev.reelforge.core.pipeline.HtmlRasterizer;
import dev.reelforge.core.pipeline.SourceFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Readies the parts of an edit that are neither fetched media nor shipped: the edit's own fonts
 * ({@code timeline.fonts}, fetched through the same guard as media, bounded, and known by the family their name
 * table gives) and its HTML assets, each drawn into a transparent PNG that the rest of the render treats as an
 * image clip (so fit, position, offset, transitions and tweens apply as to any picture). Text assets asking for
 * a family of those fonts get its file, also when a shipped family has that name.
 */
public final class FontsAndPages {

    /** Fonts larger than this are refused: even the largest CJK fonts are smaller. */
    public static final long MAX_FONT_BYTES = 32L * 1024 * 1024;

    /** For a worker that cannot draw HTML or load fonts: any edit that needs them fails, saying so. */
    public static final FontsAndPages UNAVAILABLE = new FontsAndPages(null, null, null, null);

    private final SourceFetcher fetcher;
    private final FontReader fonts;
    private final HtmlRasterizer rasterizer;
    private final MediaProbe probe;

    public FontsAndPages(SourceFetcher fetcher, FontReader fonts, HtmlRasterizer rasterizer, MediaProbe probe) {
        this.fetcher = fetcher;
        this.fonts = fonts;
        this.rasterizer = rasterizer;
        this.probe = probe;
    }

    /** The edit with its HTML drawn and its fonts resolved, or why that cannot be. */
    public sealed interface Preparation {

        /** {@code files} and {@code probes} hold the drawn pictures, by the image sources that now stand for them. */
        record Ready(Edit edit, Map<URI, Path> files, Map<URI, MediaInfo> probes) implements Preparation {}

        /** {@code reason} names the field and is fit to show the user. */
        record Failed(String reason) implements Preparation {}
    }

    /** A failure carried out of the steps, as a {@link Preparation.Failed}. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    public Preparation prepare(Edit edit, Path work) {
        if (!needed(edit)) {
            return new Preparation.Ready(edit, Map.of(), Map.of());
        }
        if (fetcher == null) {
            return new Preparation.Failed("this worker cannot draw html assets or load timeline.fonts");
        }
        try {
            return ready(edit, work);
        } catch (Refusal refusal) {
            return new Preparation.Failed(refusal.getMessage());
        }
    }

    private Preparation ready(Edit edit, Path work) {
        Map<String, Typeface.Loaded> families = loadFonts(edit.timeline().fonts(), work);
        List<HtmlRasterizer.FontFile> fontFiles = families.values().stream()
                .map(loaded -> new HtmlRasterizer.FontFile(loaded.family(), loaded.file())).toList();
        Map<URI, Path> files = new HashMap<>();
        Map<URI, MediaInfo> probes = new HashMap<>();
        Size frame = edit.output().size();
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < edit.timeline().tracks().size(); t++) {
            List<Clip> clips = new ArrayList<>();
            for (int c = 0; c < edit.timeline().tracks().get(t).clips().size(); c++) {
                Clip clip = edit.timeline().tracks().get(t).clips().get(c);
                String path = "timeline.tracks[" + t + "].clips[" + c + "].asset";
                switch (clip.asset()) {
                    case Asset.Html html -> {
                        URI drawn = URI.create("html:tracks-" + t + "-clips-" + c);
                        Path file = work.resolve("html-" + t + "-" + c + ".png");
                        draw(html, frame, fontFiles, file, path);
                        probes.put(drawn, probed(file, path));
                        files.put(drawn, file);
                        clips.add(clip.withAsset(new Asset.Image(drawn)));
                    }
                    case Asset.Text text when text.face() instanceof Typeface.Requested requested ->
                            clips.add(clip.withAsset(text.withFace(resolved(requested, families, path))));
                    case Asset.RichText rich when rich.look().face() instanceof Typeface.Requested requested ->
                            clips.add(clip.withAsset(new Asset.RichText(rich.look().withFace(
                                    resolved(requested, families, path)), rich.width(), rich.height())));
                    default -> clips.add(clip);
                }
            }
            tracks.add(new Track(clips));
        }
        Timeline timeline = edit.timeline();
        return new Preparation.Ready(new Edit(new Timeline(timeline.soundtrack(), timeline.background(), tracks,
                timeline.fonts()), edit.output()), files, probes);
    }

    /** The edit's own font of that family, else the shipped family of that name, else a refusal. */
    private static Typeface resolved(Typeface.Requested requested, Map<String, Typeface.Loaded> families,
            String path) {
        Typeface.Loaded loaded = families.get(key(requested.family()));
        if (loaded == null && requested.shipped().isPresent()) {
            return requested.shipped().get();
        }
        if (loaded == null) {
            throw new Refusal(path + ".font.family '" + requested.family()
                    + "' is neither a shipped font nor a family of timeline.fonts"
                    + (families.isEmpty() ? "" : " (" + String.join(", ", families.values().stream()
                            .map(Typeface.Loaded::family).toList()) + ")"));
        }
        return loaded;
    }

    /**
     * Each font fetched and read, by its family (lower case), and by its other names (legacy family, full name) and
     * its file's name without the extension where no font's family is that name; a later font of the same family
     * wins.
     */
    private Map<String, Typeface.Loaded> loadFonts(List<URI> sources, Path work) {
        Map<String, Typeface.Loaded> families = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String where = "timeline.fonts[" + i + "].src";
            Path target = work.resolve("font-" + i);
            Path file = switch (fetcher.fetch(sources.get(i), target)) {
                case SourceFetcher.FetchResult.Refused refused ->
                        throw new Refusal(where + " could not be fetched: " + refused.reason());
                case SourceFetcher.FetchResult.Fetched fetched -> {
                    if (fetched.bytes() > MAX_FONT_BYTES) {
                        throw new Refusal(where + " is " + fetched.bytes() + " bytes, over the " + MAX_FONT_BYTES
                                + " bytes a font may have");
                    }
                    yield fetched.file();
                }
            };
            switch (fonts.read(file)) {
                case FontReader.FontReading.Unreadable unreadable ->
                        throw new Refusal(where + " is not a font that can be drawn: " + unreadable.reason());
                case FontReader.FontReading.Read read -> {
                    families.put(key(read.family()), new Typeface.Loaded(read.family(), file));
                    // "Roboto Black" (the legacy family) names the face whose typographic family is "Roboto"
                    read.aliases().forEach(alias ->
                            families.putIfAbsent(key(alias), new Typeface.Loaded(alias, file)));
                    // Shotstack also answers to the file's name: its templates name fonts.gstatic.com files so
                    fileStem(sources.get(i)).ifPresent(stem ->
                            families.putIfAbsent(key(stem), new Typeface.Loaded(stem, file)));
                }
            }
        }
        return families;
    }

    private void draw(Asset.Html html, Size frame, List<HtmlRasterizer.FontFile> fontFiles, Path file, String path) {
        HtmlRasterizer.Page page = new HtmlRasterizer.Page(html.html(), html.css(), html.width().orElse(frame.width()),
                html.height().orElse(frame.height()), html.background(), html.position());
        try {
            rasterizer.rasterize(page, fontFiles, file);
        } catch (HtmlRasterizer.HtmlRenderingFailedException e) {
            throw new Refusal(path + ".html cannot be drawn: " + e.getMessage());
        }
    }

    private MediaInfo probed(Path file, String path) {
        return switch (probe.probe(file)) {
            case MediaProbe.ProbeResult.Probed probed -> probed.info();
            // the PNG is ours: if ffmpeg cannot read it, that is this worker's fault, not the user's
            case MediaProbe.ProbeResult.Unreadable unreadable -> throw new IllegalStateException(
                    "the picture drawn for " + path + " cannot be read: " + unreadable.reason());
        };
    }

    private static boolean needed(Edit edit) {
        return !edit.timeline().fonts().isEmpty() || edit.timeline().tracks().stream()
                .flatMap(track -> track.clips().stream())
                .anyMatch(clip -> clip.asset() instanceof Asset.Html
                        || clip.asset() instanceof Asset.Text text && text.face() instanceof Typeface.Requested
                        || clip.asset() instanceof Asset.RichText rich
                                && rich.look().face() instanceof Typeface.Requested);
    }

    /** The last segment of the URL's path without its extension, decoded, if it has one. */
    static Optional<String> fileStem(URI source) {
        String path = source.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).trim();
        return stem.isEmpty() ? Optional.empty() : Optional.of(stem);
    }

    private static String key(String family) {
        return family.trim().toLowerCase(Locale.ROOT);
    }
}
