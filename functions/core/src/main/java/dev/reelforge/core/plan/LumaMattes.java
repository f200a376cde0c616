package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which picture each luma clip of a track masks, and when. As Shotstack's guides put it, a luma asset "applies
 * to the clip in the same track" it overlaps in time: here the first clip of the track (in the track's order)
 * drawn as a picture (video, image, shape, svg, html, title, text, rich-text: not a caption) whose time overlaps
 * the luma's. A luma that overlaps none masks nothing; it is never drawn. One
 * picture may take several lumas (a transition in and one out): each masks it during its own time, a later one
 * starting where an earlier one ends if they overlap; outside every luma's time the picture is as it would be.
 */
final class LumaMattes {

    /** A clip of the track on the timeline: [start, end). */
    record Span(Clip clip, double start, double end) {

        boolean overlaps(Span other) {
            return start < other.end - 1e-9 && other.start < end - 1e-9;
        }

        /** What a luma can mask: everything drawn as a picture of its own (text on a picture of its box). */
        boolean picture() {
            Asset asset = clip.asset();
            return asset instanceof Asset.Video || asset instanceof Asset.Image || asset instanceof Asset.Drawn
                    || asset instanceof Asset.Html || asset instanceof Asset.Title || asset instanceof Asset.Text
                    || asset instanceof Asset.RichText;
        }
    }

    private final Map<Integer, List<Span>> lumasByPicture;

    private LumaMattes(Map<Integer, List<Span>> lumasByPicture) {
        this.lumasByPicture = lumasByPicture;
    }

    static LumaMattes of(List<Span> track) {
        Map<Integer, List<Span>> lumas = new LinkedHashMap<>();
        for (Span luma : track) {
            if (!(luma.clip().asset() instanceof Asset.Luma)) {
                continue;
            }
            for (int c = 0; c < track.size(); c++) {
                if (track.get(c).picture() && track.get(c).overlaps(luma)) {
                    lumas.computeIfAbsent(c, index -> new ArrayList<>()).add(luma);
                    break;
                }
            }
        }
        lumas.values().forEach(list -> list.sort(Comparator.comparingDouble(Span::start)));
        return new LumaMattes(lumas);
    }

    /**
     * The mattes of the track's clip {@code index} on the output timeline, which shows the timeline from
     * {@code from} for {@code duration} seconds; in time order.
     */
    List<Matte> of(int index, double from, double duration, Map<URI, SourceFile> sources) {
        List<Matte> mattes = new ArrayList<>();
        double taken = 0;
        for (Span luma : lumasByPicture.getOrDefault(index, List.of())) {
            Asset.Luma asset = (Asset.Luma) luma.clip().asset();
            double start = Math.max(Math.max(luma.start() - from, 0), taken);
            double end = Math.min(luma.end() - from, duration);
            if (end - start <= 1e-9) {
                continue;
            }
            SourceFile source = sources.get(asset.src());
            MediaInfo info = source.info();
            boolean still = info.duration().isEmpty();
            mattes.add(new Matte(new Timing(start, end - start), source,
                    asset.trim() + (start - (luma.start() - from)), still));
            taken = end;
        }
        return mattes;
    }
}
