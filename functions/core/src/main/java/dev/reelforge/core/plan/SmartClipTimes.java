package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves smart clip timing (Shotstack's "smart clips"): a {@code start} of {@code auto} follows the previous clip
 * of its track; a {@code length} of {@code auto} is its asset's (see {@link AssetLength}); {@code end} lasts to the
 * end of the timeline (NaN here, decided by the caller once the timeline's end is known); {@code alias://name}
 * takes the start or length of the clip whose {@code alias} is {@code name}, on any track.
 */
public final class SmartClipTimes {

    /** How long {@code auto} lasts on an asset without a length of its own (image, text, title, ...): Shotstack's 3 s. */
    public static final double STILL_SECONDS = 3;

    /** The length of a clip's asset when its length is {@code auto}; {@code path} names the clip. */
    @FunctionalInterface
    public interface AssetLength {
        double of(Clip clip, String path);
    }

    /** A start or length that refers to an alias no clip has, or that depends on itself. */
    public static final class Unresolvable extends RuntimeException {
        private final int track;
        private final int clip;
        private final String property;
        private final String reason;

        Unresolvable(int track, int clip, String property, String reason) {
            super(path(track, clip) + "." + property + " " + reason, null, false, false);
            this.track = track;
            this.clip = clip;
            this.property = property;
            this.reason = reason;
        }

        public int track() {
            return track;
        }

        public int clip() {
            return clip;
        }

        /** {@code start} or {@code length}. */
        public String property() {
            return property;
        }

        /** What is wrong, without the path. */
        public String reason() {
            return reason;
        }
    }

    private final List<Track> tracks;
    private final AssetLength assetLength;
    private final Map<String, int[]> aliases = new HashMap<>();
    private final Map<Long, Double> starts = new HashMap<>();
    private final Map<Long, Double> lengths = new HashMap<>();
    private final Map<Long, Boolean> resolving = new HashMap<>();

    private SmartClipTimes(List<Track> tracks, AssetLength assetLength) {
        this.tracks = tracks;
        this.assetLength = assetLength;
        for (int t = 0; t < tracks.size(); t++) {
            List<Clip> clips = tracks.get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                int[] at = {t, c};
                clips.get(c).alias().ifPresent(alias -> aliases.putIfAbsent(alias, at));
            }
        }
    }

    /** Resolves every clip: {@code [track][clip] = {start, length}} (length NaN: to the end of the timeline). */
    public static double[][][] resolve(List<Track> tracks, AssetLength assetLength) {
        SmartClipTimes times = new SmartClipTimes(tracks, assetLength);
        double[][][] resolved = new double[tracks.size()][][];
        for (int t = 0; t < tracks.size(); t++) {
            int count = tracks.get(t).clips().size();
            resolved[t] = new double[count][];
            for (int c = 0; c < count; c++) {
                resolved[t][c] = new double[] {times.start(t, c), times.length(t, c)};
            }
        }
        return resolved;
    }

    private double start(int t, int c) {
        return memo(starts, t, c, "start", () -> switch (clip(t, c).start()) {
            case ClipStart.At at -> at.seconds();
            case ClipStart.AfterPrevious previous -> previousEnd(t, c);
            case ClipStart.OfAlias alias -> {
                int[] target = target(alias.alias(), t, c, "start");
                yield start(target[0], target[1]);
            }
        });
    }

    private double length(int t, int c) {
        return memo(lengths, t, c, "length", () -> switch (clip(t, c).length()) {
            case ClipLength.Seconds seconds -> seconds.seconds();
            case ClipLength.OfAsset ofAsset -> assetLength.of(clip(t, c), path(t, c));
            case ClipLength.ToEnd toEnd -> Double.NaN;
            case ClipLength.OfAlias alias -> {
                int[] target = target(alias.alias(), t, c, "length");
                yield length(target[0], target[1]);
            }
        });
    }

    /** Where the last clip before {@code c} with a length ends (0 when none has). */
    private double previousEnd(int t, int c) {
        for (int previous = c - 1; previous >= 0; previous--) {
            double length = length(t, previous);
            if (!Double.isNaN(length)) {
                return start(t, previous) + length;
            }
        }
        return 0;
    }

    private int[] target(String alias, int t, int c, String property) {
        int[] target = aliases.get(alias);
        if (target == null) {
            throw new Unresolvable(t, c, property, "refers to alias://" + alias + ", but no clip has that alias");
        }
        return target;
    }

    private interface Value {
        double get();
    }

    private double memo(Map<Long, Double> known, int t, int c, String property, Value value) {
        long key = ((long) t << 33) | ((long) c << 1) | (property.equals("start") ? 0 : 1);
        Double cached = known.get(key);
        if (cached != null) {
            return cached;
        }
        if (resolving.putIfAbsent(key, true) != null) {
            throw new Unresolvable(t, c, property, "depends on itself (through alias:// references and auto starts)");
        }
        double resolved = value.get();
        known.put(key, resolved);
        return resolved;
    }

    private Clip clip(int t, int c) {
        return tracks.get(t).clips().get(c);
    }

    static String path(int t, int c) {
        return "timeline.tracks[" + t + "].clips[" + c + "]";
    }
}
