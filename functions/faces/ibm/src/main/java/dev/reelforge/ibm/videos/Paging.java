package dev.reelforge.ibm.videos;

import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.Parsed;
import java.util.regex.Pattern;

/** IBM's paging parameters: positive whole numbers within bounds, each absent one at its default. */
final class Paging {

    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,9}$");

    private Paging() {}

    static Parsed<Integer> number(IbmRequest request, String name, int defaultValue, int max) {
        return request.queryParameter(name)
                .<Parsed<Integer>>map(value -> {
                    if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1
                            || Integer.parseInt(value) > max) {
                        return Parsed.rejected(IbmError.badRequest("bad_request", name + " must be a whole number from 1"
                                + (max == Integer.MAX_VALUE ? "" : " to " + max)));
                    }
                    return Parsed.ok(Integer.parseInt(value));
                })
                .orElseGet(() -> Parsed.ok(defaultValue));
    }
}
