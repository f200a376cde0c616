package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tracks that ship with Reelforge, read once from {@code music/library.json} next to this class: each track's
 * listing ({@code id}, {@code title}, {@code artist}, {@code category}, {@code is_featured}, {@code duration} in
 * seconds) and the name of its file under {@code library/music/} in the hosting bucket. The audio is made by the
 * project itself (the {@code library} function synthesises it), so the file's name carries a version: a track whose
 * sound changes gets a new name, and a deployment writes only the files that are not there yet.
 */
public final class ShippedMusicLibrary implements MusicLibrary {

    private static final String RESOURCE = "music/library.json";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(m4a|mp3)");
    private static final Set<String> FIELDS = Set.of("id", "title", "artist", "category", "is_featured", "duration",
            "file");

    private final List<LibraryTrack> tracks;

    private ShippedMusicLibrary(List<LibraryTrack> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    /** The shipped library, loaded on first use; fails with {@link MalformedLibraryException} if it is malformed. */
    public static ShippedMusicLibrary shipped() {
        return Shipped.LIBRARY;
    }

    private static final class Shipped {

        static final ShippedMusicLibrary LIBRARY = of(resource());
    }

    /** A library from a JSON document, checked as the shipped one is. */
    public static ShippedMusicLibrary of(String document) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(document);
        } catch (IOException e) {
            throw new MalformedLibraryException("is not valid JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new MalformedLibraryException("must be a non-empty array of tracks");
        }
        List<LibraryTrack> tracks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            LibraryTrack track = track(root.get(i), "[" + i + "]");
            if (!ids.add(track.id()) || !files.add(track.file())) {
                throw new MalformedLibraryException("[" + i + "] repeats an id or a file of an earlier track");
            }
            tracks.add(track);
        }
        return new ShippedMusicLibrary(tracks);
    }

    @Override
    public List<LibraryTrack> tracks() {
        return tracks;
    }

    private static LibraryTrack track(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new MalformedLibraryException(at + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedLibraryException(at + "." + name + " is not a known field");
            }
        }
        String id = text(node, at, "id");
        if (!ID.matcher(id).matches()) {
            throw new MalformedLibraryException(at + ".id must be lower-case letters, digits and dashes");
        }
        String file = text(node, at, "file");
        if (!FILE.matcher(file).matches()) {
            throw new MalformedLibraryException(at + ".file must be a plain .m4a or .mp3 name");
        }
        JsonNode featured = node.get("is_featured");
        if (featured == null || !featured.isBoolean()) {
            throw new MalformedLibraryException(at + ".is_featured must be true or false");
        }
        JsonNode duration = node.get("duration");
        if (duration == null || !duration.isNumber() || duration.asDouble() < 1 || duration.asDouble() > 600) {
            throw new MalformedLibraryException(at + ".duration must be a number of seconds from 1 to 600");
        }
        return new LibraryTrack(id, text(node, at, "title"), text(node, at, "artist"), text(node, at, "category"),
                featured.asBoolean(), duration.asDouble(), file);
    }

    private static String text(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedLibraryException(at + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String resource() {
        try (InputStream in = ShippedMusicLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new MalformedLibraryException("the resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
