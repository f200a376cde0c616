package dev.reelforge.shotstack;

import dev.reelforge.core.render.RenderPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code next} of a renders list (an extension, README "Listing renders"): where the next page starts, as opaque
 * text, base64url of {@code r1.<created, Unix ms>.<render id>}. Read back strictly (bounded length, that exact form,
 * canonical base64 and digits), it is not signed: it only positions a list within the caller's own renders (the
 * owner and environment come from the key and the path, never from the cursor), so a forged one can skip or repeat
 * the caller's own renders but reach nothing else.
 */
public final class RenderCursor {

    /** Far longer than any cursor given: the bound applied before decoding. */
    static final int MAX_LENGTH = 96;
    private static final Pattern FORM = Pattern.compile(
            "r1\\.(0|[1-9][0-9]{0,14})\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private RenderCursor() {}

    public static String of(RenderPosition position) {
        String plain = "r1." + position.created().toEpochMilli() + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; empty for anything this API did not write. */
    public static Optional<RenderPosition> read(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH || !BASE64URL.matcher(cursor).matches()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(new String(decoded, StandardCharsets.ISO_8859_1));
        if (!form.matches()) {
            return Optional.empty();
        }
        RenderPosition position = new RenderPosition(Instant.ofEpochMilli(Long.parseLong(form.group(1))),
                UUID.fromString(form.group(2)));
        // one spelling per position: trailing bits of the last base64 character must not give a second one
        return of(position).equals(cursor) ? Optional.of(position) : Optional.empty();
    }
}
