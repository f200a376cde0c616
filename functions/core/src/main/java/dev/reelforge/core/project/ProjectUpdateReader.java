package dev.reelforge.core.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of a project update as Picovico's clients send them: a JSON object, or form fields made into
 * one whose {@code assets}, {@code credit} and {@code quality} are strings holding JSON (as the SDKs post them).
 * Where the docs and the SDKs disagree both are accepted: the caption as {@code data.text} or {@code data.caption},
 * a photo or track as {@code asset_id}, {@code id} or {@code url}, the credits as {@code credit} or
 * {@code credits}. Any other field is refused by name, never dropped.
 */
public final class ProjectUpdateReader {

    public static final int MAX_FRAMES = 200;
    public static final int MAX_CREDITS = 50;
    public static final int MAX_TEXT_LENGTH = 1000;
    public static final int MAX_URL_LENGTH = 2048;
    /** Frame times are seconds on the video; nothing longer than a day is a slideshow. */
    static final double MAX_TIME = 86_400;

    private static final Set<String> UPDATE_FIELDS =
            Set.of("name", "style", "quality", "assets", "credit", "credits", "privacy", "callback_url");
    private static final Map<String, Set<String>> ASSET_FIELDS = Map.of(
            "image", Set.of("name", "asset_id", "id", "url", "start_time", "end_time", "data"),
            "text", Set.of("name", "start_time", "end_time", "data"),
            "music", Set.of("name", "asset_id", "id", "url", "start_time", "end_time"));
    private static final Map<String, Set<String>> DATA_FIELDS = Map.of(
            "image", Set.of("text", "caption"),
            "text", Set.of("title", "text"));

    public ProjectUpdateReading read(JsonNode fields) {
        try {
            return new ProjectUpdateReading.Read(update(fields));
        } catch (Refusal refusal) {
            return new ProjectUpdateReading.Refused(refusal.field, refusal.problem);
        }
    }

    private ProjectUpdate update(JsonNode fields) {
        if (!fields.isObject()) {
            throw new Refusal("body", "must be a JSON object or form fields");
        }
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!UPDATE_FIELDS.contains(name)) {
                throw new Refusal(name, "is not a field of a video (known: assets, callback_url, credit, credits, "
                        + "name, privacy, quality, style)");
            }
        }
        if (fields.has("credit") && fields.has("credits")) {
            throw new Refusal("credits", "cannot be sent together with credit (they are the same field)");
        }
        Optional<List<Credit>> credits = Optional.empty();
        for (String name : List.of("credit", "credits")) {
            if (fields.has(name)) {
                credits = Optional.of(credits(json(fields.get(name), name), name));
            }
        }
        return new ProjectUpdate(
                optional(fields, "name").map(node -> text(node, "name")),
                optional(fields, "style").map(node -> text(node, "style")),
                optional(fields, "quality").map(node -> quality(json(node, "quality"))),
                fields.has("assets") ? Optional.of(assets(json(fields.get("assets"), "assets"))) : Optional.empty(),
                credits,
                optional(fields, "privacy").map(node -> Privacy.fromWireName(text(node, "privacy"))
                        .orElseThrow(() -> new Refusal("privacy", "must be public or private"))),
                optional(fields, "callback_url").map(node -> url(node, "callback_url")));
    }

    private static ProjectQuality quality(JsonNode node) {
        JsonNode value = node.isArray() && node.size() == 1 ? node.get(0) : node; // the Swagger file's [360]
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new Refusal("quality", "must be one of 360, 480, 720");
        }
        return ProjectQuality.ofHeight(value.intValue())
                .orElseThrow(() -> new Refusal("quality", "must be one of 360, 480, 720"));
    }

    private static ProjectUpdate.Assets assets(JsonNode node) {
        if (!node.isArray()) {
            throw new Refusal("assets", "must be an array of frames");
        }
        if (node.size() > MAX_FRAMES + 1) {
            throw new Refusal("assets", "may hold at most " + MAX_FRAMES + " frames and one music track");
        }
        List<Frame> frames = new ArrayList<>();
        Optional<MusicTrack> music = Optional.empty();
        for (int i = 0; i < node.size(); i++) {
            String path = "assets[" + i + "]";
            JsonNode asset = node.get(i);
            if (!asset.isObject()) {
                throw new Refusal(path, "must be an object");
            }
            String kind = asset.path("name").asText("");
            Set<String> known = ASSET_FIELDS.get(kind);
            if (!asset.path("name").isTextual() || known == null) {
                throw new Refusal(path + ".name", "must be image, text or music");
            }
            for (Iterator<String> names = asset.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new Refusal(path + "." + name, "is not a field of " + article(kind) + " asset (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
            double start = time(asset, "start_time", path);
            double end = time(asset, "end_time", path);
            switch (kind) {
                case "music" -> {
                    if (music.isPresent()) {
                        throw new Refusal(path, "is a second music track; a video has one");
                    }
                    music = Optional.of(new MusicTrack(media(asset, path)));
                }
                case "image" -> {
                    JsonNode data = data(asset, kind, path);
                    if (data.has("text") && data.has("caption")) {
                        throw new Refusal(path + ".data.caption", "cannot be sent together with data.text "
                                + "(both are the caption)");
                    }
                    Optional<String> caption = optional(data, "text").or(() -> optional(data, "caption"))
                            .map(value -> text(value, path + ".data." + (data.has("text") ? "text" : "caption")))
                            .filter(text -> !text.isBlank());
                    frames.add(new Frame.Image(media(asset, path), caption, start, end));
                }
                default -> {
                    JsonNode data = data(asset, kind, path);
                    String title = optional(data, "title").map(value -> text(value, path + ".data.title")).orElse("");
                    String text = optional(data, "text").map(value -> text(value, path + ".data.text")).orElse("");
                    if (title.isBlank() && text.isBlank()) {
                        throw new Refusal(path + ".data", "must hold a title or a text");
                    }
                    frames.add(new Frame.Text(title, text, start, end));
                }
            }
        }
        return new ProjectUpdate.Assets(frames, music);
    }

    private static JsonNode data(JsonNode asset, String kind, String path) {
        JsonNode data = asset.path("data");
        if (data.isMissingNode() || data.isNull()) {
            return Json.object();
        }
        if (!data.isObject()) {
            throw new Refusal(path + ".data", "must be an object");
        }
        Set<String> known = DATA_FIELDS.get(kind);
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Refusal(path + ".data." + name, "is not a field of " + article(kind) + " frame's data (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return data;
    }

    private static MediaRef media(JsonNode asset, String path) {
        List<String> given = List.of("asset_id", "id", "url").stream()
                .filter(name -> optional(asset, name).isPresent()).toList();
        if (given.size() != 1) {
            throw new Refusal(path, given.isEmpty() ? "needs one of asset_id, id or url"
                    : "must name its media once, by asset_id, id or url (got " + String.join(", ", given) + ")");
        }
        String name = given.getFirst();
        JsonNode value = asset.get(name);
        if (name.equals("url")) {
            return new MediaRef.Url(url(value, path + ".url"));
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new Refusal(path + "." + name, "must be a string");
        }
        String id = value.asText();
        if (id.isBlank() || id.length() > 128) {
            throw new Refusal(path + "." + name, "must be an id of 1 to 128 characters");
        }
        return new MediaRef.Id(id);
    }

    private static double time(JsonNode asset, String name, String path) {
        JsonNode value = asset.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > MAX_TIME) {
            throw new Refusal(path + "." + name, "must be a number of seconds from 0 to " + (int) MAX_TIME);
        }
        return value.asDouble();
    }

    private static List<Credit> credits(JsonNode node, String field) {
        if (!node.isArray()) {
            throw new Refusal(field, "must be an array of [key, value] pairs");
        }
        if (node.size() > MAX_CREDITS) {
            throw new Refusal(field, "may hold at most " + MAX_CREDITS + " lines");
        }
        List<Credit> credits = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode pair = node.get(i);
            String path = field + "[" + i + "]";
            if (!pair.isArray() || pair.size() != 2) {
                throw new Refusal(path, "must be a [key, value] pair");
            }
            credits.add(new Credit(text(pair.get(0), path + "[0]"), text(pair.get(1), path + "[1]")));
        }
        return credits;
    }

    /** A field's JSON: the value itself, or what a string holds when it is JSON text (form fields). */
    private static JsonNode json(JsonNode value, String field) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.asText().strip();
        if (text.length() > 256 * 1024) {
            throw new Refusal(field, "is too large");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refusal(field, "is not valid JSON");
        }
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new Refusal(field, "must be a string");
        }
        String text = value.asText();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new Refusal(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private static URI url(JsonNode value, String field) {
        String text = text(value, field);
        if (text.length() > MAX_URL_LENGTH) {
            throw new Refusal(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new Refusal(field, "must be an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refusal(field, "must be an http or https URL");
        }
    }

    private static String article(String kind) {
        return (kind.equals("image") ? "an " : "a ") + kind;
    }

    private static Optional<JsonNode> optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Ends reading at the first wrong field; the public method turns it into a result. */
    private static final class Refusal extends RuntimeException {

        private final String field;
        private final String problem;

        Refusal(String field, String problem) {
            super(field + " " + problem, null, false, false);
            this.field = field;
            this.problem = problem;
        }
    }
}
