package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;

/**
 * Reads when one of the caller's videos expires. A client without the expiration permission is refused before
 * anything is looked up, so it learns nothing of any video; another owner's video is
 * {@link GetExpirationResult.NotYours} (IBM's {@code lack_of_ownership}).
 */
public final class GetExpiration {

    private final VideoLookup lookup;

    public GetExpiration(Videos videos, Assets assets) {
        this.lookup = new VideoLookup(videos, assets);
    }

    public GetExpirationResult get(GetExpirationCommand command) {
        if (!command.managesExpiration()) {
            return new GetExpirationResult.Forbidden();
        }
        return switch (lookup.find(command.owner(), command.environment(), command.id())) {
            case VideoLookup.Found.Visible visible -> new GetExpirationResult.Found(visible.video().expiration());
            case VideoLookup.Found.NotYours notYours -> new GetExpirationResult.NotYours(command.id());
            case VideoLookup.Found.Missing missing -> new GetExpirationResult.NotFound(command.id());
        };
    }
}
