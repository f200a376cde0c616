package dev.reelforge.core.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id a client gives a transfer ({@code id}: "need not be unique", Shotstack says), and the render id its assets
 * are listed under, so {@code GET /serve/{version}/assets/render/{id}} finds every transfer made with that id: a
 * UUID is its own group; any other id stands for the name-based UUID of {@code reelforge-transfer:<id>}, which the
 * listing route computes from the same id.
 */
public final class TransferGroup {

    /** URL-safe characters, so the id goes into a path as it is. */
    public static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._~-]{1,128}$");
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private TransferGroup() {}

    /** The group of a well-formed client id ({@link #CLIENT_ID}); empty for any other text. */
    public static Optional<UUID> of(String clientId) {
        if (UUID_FORMAT.matcher(clientId).matches()) {
            return Optional.of(UUID.fromString(clientId));
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.nameUUIDFromBytes(("reelforge-transfer:" + clientId).getBytes(StandardCharsets.UTF_8)));
    }
}
