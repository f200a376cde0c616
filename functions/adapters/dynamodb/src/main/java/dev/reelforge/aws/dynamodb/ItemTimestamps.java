package dev.reelforge.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the tables keep them: ISO-8601 UTC with exactly three fractional digits, so that they sort as text
 * (sort keys of the sweepers' indexes, key conditions such as {@code updated < :cutoff}).
 */
final class ItemTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ItemTimestamps() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
