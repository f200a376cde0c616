package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.ProjectMedia;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link ProjectMedia} from the owners' uploads (served by the CDN at {@code {cdn}/{owner}/uploads/{id}.{ext}}) and,
 * for music, the library that ships with Reelforge ({@code {cdn}/library/music/{file}}).
 */
public final class UploadedProjectMedia implements ProjectMedia {

    private final Uploads uploads;
    private final MusicLibrary library;
    private final URI cdnUrl;

    public UploadedProjectMedia(Uploads uploads, MusicLibrary library, URI cdnUrl) {
        this.uploads = uploads;
        this.library = library;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public Optional<FoundMedia> photo(String owner, Environment environment, String id) {
        return uploads.find(owner, environment, UploadKind.PHOTO, id).map(this::found);
    }

    @Override
    public Optional<FoundMedia> music(String owner, Environment environment, String id) {
        return uploads.find(owner, environment, UploadKind.MUSIC, id).map(this::found)
                .or(() -> library.track(id).map(this::found));
    }

    private FoundMedia found(Upload upload) {
        return new FoundMedia(upload.url(cdnUrl), upload.seconds(), upload.status() == UploadStatus.READY);
    }

    private FoundMedia found(LibraryTrack track) {
        String base = cdnUrl.toString();
        return new FoundMedia(URI.create((base.endsWith("/") ? base : base + "/") + "library/music/" + track.file()),
                OptionalDouble.of(track.seconds()), true);
    }
}
