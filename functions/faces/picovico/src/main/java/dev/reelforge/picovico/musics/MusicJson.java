package dev.reelforge.picovico.musics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.MusicLibraryFiles;
import java.net.URI;

/**
 * A library track as Picovico lists it: {@code id}, {@code title}, {@code artist}, {@code category},
 * {@code is_featured}, {@code preview_url} (the file on the CDN: the whole track, not an excerpt) and
 * {@code duration} in seconds.
 */
final class MusicJson {

    private MusicJson() {}

    static ObjectNode of(LibraryTrack track, URI cdnUrl) {
        String base = cdnUrl.toString().replaceAll("/+$", "");
        ObjectNode json = Json.object().put("id", track.id()).put("title", track.title())
                .put("artist", track.artist()).put("category", track.category()).put("is_featured", track.featured())
                .put("preview_url", base + "/" + MusicLibraryFiles.PREFIX + track.file());
        if (track.seconds() == Math.rint(track.seconds())) {
            json.put("duration", (long) track.seconds());
        } else {
            json.put("duration", track.seconds());
        }
        return json;
    }
}
