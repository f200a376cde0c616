package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;
import java.time.Clock;
import java.time.Instant;

/**
 * Sets when one of the caller's videos expires: {@code never}, or {@code at_given_time} with a moment after now (an
 * extension of IBM's documented {@code never}), when {@link ExpireDueVideos} deletes it. A video whose time has come
 * no longer changes its rule (the store refuses, conditionally), so a sweep that read it as due never deletes a video
 * its owner saved a moment before. A client without the expiration permission is refused before anything is read.
 */
public final class SetExpiration {

    private final Videos videos;
    private final VideoLookup lookup;
    private final Clock clock;

    public SetExpiration(Videos videos, Assets assets, Clock clock) {
        this.videos = videos;
        this.lookup = new VideoLookup(videos, assets);
        this.clock = clock;
    }

    public SetExpirationResult set(SetExpirationCommand command) {
        if (!command.managesExpiration()) {
            return new SetExpirationResult.Forbidden();
        }
        Instant now = clock.instant();
        return switch (lookup.find(command.owner(), command.environment(), command.id())) {
            case VideoLookup.Found.NotYours notYours -> new SetExpirationResult.NotYours(command.id());
            case VideoLookup.Found.Missing missing -> new SetExpirationResult.NotFound(command.id());
            case VideoLookup.Found.Visible visible -> {
                if (command.rule() instanceof ExpirationRule.AtGivenTime(Instant expiresAt) && !expiresAt.isAfter(now)) {
                    yield new SetExpirationResult.NotInTheFuture(expiresAt, now);
                }
                yield videos.setExpiration(command.id(), command.owner(), command.rule(), now)
                        ? new SetExpirationResult.Set(command.rule())
                        : new SetExpirationResult.NotFound(command.id());
            }
        };
    }
}
