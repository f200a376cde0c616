package dev.reelforge.core.project;

import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /v/{id}/{name}.mp4}: where a published public video's link leads (its best quality). The name is free
 * text, as in Picovico's links in the wild, and need not match the video's name, but bounded: 1 to 200 characters
 * (as the path carries them, decoded), none a control character or {@code /}, then {@code .mp4}; anything else is no
 * link.
 */
public final class FollowPublicLink {

    static final int MAX_NAME_LENGTH = 200;
    private static final String EXTENSION = ".mp4";

    private final PublicLinks links;

    public FollowPublicLink(PublicLinks links) {
        this.links = links;
    }

    /** Empty for an unknown, private, unpublished or deleted video, or a malformed id or name. */
    public Optional<URI> follow(String id, String file) {
        if (id == null || file == null || !ProjectId.isWellFormed(id) || !isLinkFile(file)) {
            return Optional.empty();
        }
        return links.target(id);
    }

    private static boolean isLinkFile(String file) {
        int nameLength = file.length() - EXTENSION.length();
        if (nameLength < 1 || nameLength > MAX_NAME_LENGTH || !file.endsWith(EXTENSION)) {
            return false;
        }
        return file.chars().noneMatch(c -> c == '/' || Character.isISOControl(c));
    }
}
