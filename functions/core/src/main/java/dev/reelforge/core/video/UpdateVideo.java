package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.render.Renders;

/**
 * Changes the title and description of one of the caller's videos. Protection may be set to what it is
 * ({@code public}); {@code private} is refused until Reelforge hosts privately. Another owner's video is
 * {@link UpdateVideoResult.NotYours} (IBM's {@code lack_of_ownership}).
 */
public final class UpdateVideo {

    private final Videos videos;
    private final VideoLookup lookup;
    private final VideoViews views;

    public UpdateVideo(Videos videos, Assets assets, Renders renders) {
        this.videos = videos;
        this.lookup = new VideoLookup(videos, assets);
        this.views = new VideoViews(assets, renders);
    }

    public UpdateVideoResult update(UpdateVideoCommand command) {
        return switch (lookup.find(command.owner(), command.environment(), command.id())) {
            case VideoLookup.Found.NotYours notYours -> new UpdateVideoResult.NotYours(command.id());
            case VideoLookup.Found.Missing missing -> new UpdateVideoResult.NotFound(command.id());
            case VideoLookup.Found.Visible visible -> {
                if (command.protection().filter(protection -> protection != Protection.PUBLIC).isPresent()) {
                    yield new UpdateVideoResult.ProtectionUnsupported(command.protection().get());
                }
                if ((command.title().isPresent() || command.description().isPresent())
                        && !videos.describe(command.id(), command.owner(), command.title(), command.description())) {
                    yield new UpdateVideoResult.NotFound(command.id());
                }
                yield videos.find(command.id()).flatMap(views::of).<UpdateVideoResult>map(
                        UpdateVideoResult.Updated::new).orElseGet(() -> new UpdateVideoResult.NotFound(command.id()));
            }
        };
    }
}
