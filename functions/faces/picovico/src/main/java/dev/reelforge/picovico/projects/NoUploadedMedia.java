package dev.reelforge.picovico.projects;

import dev.reelforge.core.Environment;
import dev.reelforge.core.project.ProjectMedia;
import java.util.Optional;

/**
 * The project media of a stack without uploads: no photo or track is found by id, so a render of a project takes
 * only media given by URL. It stands in until uploads ({@code /me/photos}, {@code /me/musics}) and the music
 * library land, when the DynamoDB adapter of {@link ProjectMedia} replaces it.
 */
public final class NoUploadedMedia implements ProjectMedia {

    @Override
    public Optional<FoundMedia> photo(String owner, Environment environment, String id) {
        return Optional.empty();
    }

    @Override
    public Optional<FoundMedia> music(String owner, Environment environment, String id) {
        return Optional.empty();
    }
}
