package dev.reelforge.core.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The styles Reelforge ships, read once from the JSON resources named in {@code styles/index.json} next to this
 * class. Each is checked when loaded: every field present and of its type, no unknown field, the listing's
 * credits those of {@link ProjectQuality}, and an edit made with it for a sample project must pass the Edit API's
 * own validation, so a style that names something Reelforge does not render fails at load, not at render.
 */
public final class StyleBook {

    private static final String DIRECTORY = "styles/";

    private final Map<String, Style> styles;

    private StyleBook(Map<String, Style> styles) {
        this.styles = styles;
    }

    /** The shipped styles, loaded on first use; fails with {@link MalformedStyleException} if one is malformed. */
    public static StyleBook shipped() {
        return Shipped.BOOK;
    }

    private static final class Shipped {

        static final StyleBook BOOK = load();
    }

    private static StyleBook load() {
        JsonNode index = parse("index", resource("index.json"));
        List<String> documents = new ArrayList<>();
        for (JsonNode name : index) {
            documents.add(resource(name.asText() + ".json"));
        }
        return of(documents);
    }

    /** Styles from JSON documents, checked as the shipped ones are. */
    public static StyleBook of(List<String> documents) {
        Map<String, Style> styles = new LinkedHashMap<>();
        for (String document : documents) {
            Style style = read(parse("(unnamed)", document));
            if (styles.putIfAbsent(style.machineName(), style) != null) {
                throw new MalformedStyleException(style.machineName(), "is defined twice");
            }
            check(style);
        }
        return new StyleBook(Map.copyOf(styles));
    }

    public Optional<Style> style(String machineName) {
        return Optional.ofNullable(styles.get(machineName));
    }

    /** Every style, by machine name. */
    public List<Style> all() {
        return styles.values().stream().sorted(Comparator.comparing(Style::machineName)).toList();
    }

    private static String resource(String name) {
        try (InputStream in = StyleBook.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new MalformedStyleException(name, "the resource is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the style resource " + name, e);
        }
    }

    private static JsonNode parse(String name, String document) {
        try {
            return Json.MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            throw new MalformedStyleException(name, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Style read(JsonNode node) {
        Fields root = new Fields(node.path("machine_name").asText("(unnamed)"), node, "");
        root.only("name", "machine_name", "category", "is_featured", "description", "limits", "minimum_photos",
                "slide_length", "background", "photo", "caption", "text_slide", "intro", "credits");
        Fields limits = root.object("limits");
        limits.only("quality", "title_length", "text_length");
        List<Style.QualityLimit> qualities = new ArrayList<>();
        for (Fields quality : limits.objects("quality")) {
            quality.only("res", "credits", "white_labeled");
            qualities.add(new Style.QualityLimit(quality.integer("res"), quality.integer("credits"),
                    quality.bool("white_labeled")));
        }
        Style.Listing listing = new Style.Listing(root.text("name"), root.text("machine_name"), root.text("category"),
                root.bool("is_featured"), root.text("description"), qualities, limits.integer("title_length"),
                limits.integer("text_length"));
        Fields photo = root.object("photo");
        photo.only("fit", "scale", "motions", "transitions", "filter");
        Fields textSlide = root.object("text_slide");
        textSlide.only("background", "title", "text", "transitions");
        Fields intro = root.object("intro");
        intro.only("length", "title", "transitions");
        Fields credits = root.object("credits");
        credits.only("length", "font", "motion", "transitions");
        return new Style(listing, root.integer("minimum_photos"), root.number("slide_length"), root.text("background"),
                new Style.PhotoLook(photo.text("fit"), photo.number("scale"), photo.texts("motions"),
                        transitions(photo.object("transitions")), photo.optionalText("filter")),
                typography(root.object("caption")),
                new Style.TextSlideLook(textSlide.text("background"), typography(textSlide.object("title")),
                        font(textSlide.object("text")), transitions(textSlide.object("transitions"))),
                new Style.IntroLook(intro.number("length"), typography(intro.object("title")),
                        transitions(intro.object("transitions"))),
                new Style.CreditsLook(credits.number("length"), font(credits.object("font")),
                        credits.optionalText("motion"), transitions(credits.object("transitions"))));
    }

    private static Style.Transitions transitions(Fields node) {
        node.only("in", "out");
        return new Style.Transitions(node.text("in"), node.text("out"));
    }

    private static Style.Typography typography(Fields node) {
        node.only("style", "color", "size", "background", "position");
        return new Style.Typography(node.text("style"), node.text("color"), node.text("size"),
                node.optionalText("background"), node.text("position"));
    }

    private static Style.TextFont font(Fields node) {
        node.only("family", "size", "color");
        return new Style.TextFont(node.text("family"), node.integer("size"), node.text("color"));
    }

    private static void check(Style style) {
        String name = style.machineName();
        Map<Integer, Integer> credits = style.listing().qualities().stream()
                .collect(Collectors.toMap(Style.QualityLimit::res, Style.QualityLimit::credits, (a, b) -> -1));
        for (ProjectQuality quality : ProjectQuality.values()) {
            if (!Integer.valueOf(quality.credits()).equals(credits.get(quality.height()))) {
                throw new MalformedStyleException(name, "limits.quality must list res " + quality.height()
                        + " once with credits " + quality.credits());
            }
        }
        if (credits.size() != ProjectQuality.values().length) {
            throw new MalformedStyleException(name, "limits.quality lists a res other than 360, 480, 720");
        }
        if (style.minimumPhotos() < 1 || style.slideLength() < 1 || style.intro().length() < 1
                || style.credits().length() < 1) {
            throw new MalformedStyleException(name, "minimum_photos, slide_length, intro.length and credits.length "
                    + "must be at least 1");
        }
        if (style.photo().scale() <= 0 || style.photo().scale() > 1) {
            throw new MalformedStyleException(name, "photo.scale must be more than 0 and at most 1");
        }
        List<Violation> violations = violationsOfSampleEdit(style);
        if (!violations.isEmpty()) {
            throw new MalformedStyleException(name, "makes edits the Edit API refuses: " + violations.stream()
                    .map(violation -> violation.message()).collect(Collectors.joining("; ")));
        }
    }

    /** Validates, as SubmitRender does, an edit of this style for a project that uses every part of it. */
    static List<Violation> violationsOfSampleEdit(Style style) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < Math.max(style.minimumPhotos(), style.photo().motions().size()); i++) {
            frames.add(new Frame.Image(new MediaRef.Url(URI.create("https://example.com/photo-" + i + ".jpg")),
                    Optional.of("caption " + i), 0, 5));
        }
        frames.add(new Frame.Text("A title", "a text", 0, 5));
        Project sample = new Project(Optional.of("Sample"), Optional.of(style.machineName()), ProjectQuality.Q720,
                frames, Optional.of(new MusicTrack(new MediaRef.Url(URI.create("https://example.com/music.mp3")))),
                List.of(new Credit("Photos", "Ana")), Privacy.PUBLIC);
        JsonNode edit = ProjectEdit.of(sample, style, ref -> new MediaResolver.ResolvedMedia(
                ((MediaRef.Url) ref).url(), OptionalDouble.of(2)));
        List<Violation> violations = new EditValidator().validate(edit);
        if (!violations.isEmpty()) {
            return violations;
        }
        return new EditReader().read(edit) instanceof EditReading.Unsupported unsupported
                ? unsupported.violations() : List.of();
    }

    /** A style document's object at {@code path}, read strictly: a missing, mistyped or unknown field fails. */
    private record Fields(String style, JsonNode node, String path) {

        Fields {
            if (!node.isObject()) {
                throw new MalformedStyleException(style, (path.isEmpty() ? "the document" : path)
                        + " must be an object");
            }
        }

        void only(String... names) {
            Set<String> known = Set.of(names);
            for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!known.contains(field)) {
                    throw new MalformedStyleException(style, name(field) + " is not a known field");
                }
            }
        }

        private String name(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new MalformedStyleException(style, name(field) + " is missing");
            }
            return value;
        }

        private MalformedStyleException mistyped(String field, String type) {
            return new MalformedStyleException(style, name(field) + " must be " + type);
        }

        String text(String field) {
            JsonNode value = required(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw mistyped(field, "a non-empty string");
            }
            return value.asText();
        }

        Optional<String> optionalText(String field) {
            return node.hasNonNull(field) ? Optional.of(text(field)) : Optional.empty();
        }

        List<String> texts(String field) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw mistyped(field, "an array of strings");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw mistyped(field, "an array of strings");
                }
                texts.add(item.asText());
            }
            return texts;
        }

        double number(String field) {
            JsonNode value = required(field);
            if (!value.isNumber()) {
                throw mistyped(field, "a number");
            }
            return value.asDouble();
        }

        int integer(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw mistyped(field, "an integer");
            }
            return value.asInt();
        }

        boolean bool(String field) {
            JsonNode value = required(field);
            if (!value.isBoolean()) {
                throw mistyped(field, "true or false");
            }
            return value.asBoolean();
        }

        Fields object(String field) {
            return new Fields(style, required(field), name(field));
        }

        List<Fields> objects(String field) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw mistyped(field, "an array of objects");
            }
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                objects.add(new Fields(style, value.get(i), name(field) + "[" + i + "]"));
            }
            return objects;
        }
    }
}
