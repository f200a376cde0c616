package dev.reelforge.local.cloudfront;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a {@code Range} header ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}), as S3
 * reads it: a header it cannot read, or one asking for several ranges, is ignored (the whole object is sent).
 *
 * @param first the first byte sent
 * @param last  the last byte sent (inclusive)
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** What a {@code Range} header asks of an object of {@code size} bytes. */
    sealed interface Request {}

    /** No range to honour: send the whole object. */
    record Whole() implements Request {}

    record Partial(ByteRange range) implements Request {}

    /** A range no byte of the object is in: 416. */
    record Unsatisfiable() implements Request {}

    static Request of(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Whole();
        }
        Matcher matcher = SINGLE.matcher(header.get().trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
            if (last < first) {
                return new Whole();
            }
            if (first >= size) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException tooLong) {
            return new Whole();
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of this range of an object of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** As the S3 GetObject request's {@code Range} parameter. */
    String header() {
        return "bytes=" + first + "-" + last;
    }
}
