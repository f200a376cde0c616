package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner lists a page of a channel's videos, newest first, as IBM pages them: page {@code page} (from 1) of
 * {@code pageSize} videos. {@code channel} is the channel the path names; empty for the caller's own
 * ({@code /users/self/videos.json}).
 */
public record ListChannelVideosCommand(String owner, Environment environment, Optional<String> channel, int page,
        int pageSize) {

    /** IBM's largest page. */
    public static final int MAX_PAGE_SIZE = 50;
    /**
     * How deep pages may reach: a page is found by reading past the ones before it (IBM pages by number, which
     * a key-value store cannot jump to), so the pages before it are bounded.
     */
    public static final int MAX_OFFSET = 10_000;

    public ListChannelVideosCommand {
        Objects.requireNonNull(channel, "channel");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (page < 1 || (long) (page - 1) * pageSize > MAX_OFFSET) {
            throw new IllegalArgumentException("page must be 1 to " + maxPage(pageSize) + ": " + page);
        }
    }

    /** The last page that may be asked for with this page size. */
    public static int maxPage(int pageSize) {
        return MAX_OFFSET / pageSize + 1;
    }
}
