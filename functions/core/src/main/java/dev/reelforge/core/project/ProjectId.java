package dev.reelforge.core.project;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A project's id: its creation time in Unix milliseconds as 12 hex digits, then 12 random hex digits. Ids of one
 * owner therefore sort by creation time, which is what keyset paging by creation time walks, and an id alone finds
 * its project (no index).
 */
public final class ProjectId {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    private ProjectId() {}

    public static String generate(Instant created, RandomGenerator random) {
        byte[] suffix = new byte[6];
        random.nextBytes(suffix);
        return timePrefix(created.toEpochMilli()) + HexFormat.of().formatHex(suffix);
    }

    /** The 12-digit prefix every id created at that millisecond starts with. */
    public static String timePrefix(long epochMilli) {
        return String.format(Locale.ROOT, "%012x", epochMilli);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
