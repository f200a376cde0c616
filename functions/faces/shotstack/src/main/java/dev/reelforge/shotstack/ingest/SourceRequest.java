package dev.reelforge.shotstack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionsReader;
import dev.reelforge.core.ingest.RenditionsReading;
import dev.reelforge.core.ingest.RequestedRendition;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.url.FetchableUrl;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /ingest/{v}/sources} (the contract's {@code Source}) and of {@code POST /ingest/{v}/upload}
 * (Reelforge's extension: the same without {@code url}; the SDK sends none, which asks for nothing more), read into
 * what the use cases take, or every violation found, each naming its field. What is not built is refused by name:
 * {@code outputs.transcription}, a destination other than Shotstack's hosting (or opting out of it), and what
 * {@link RenditionsReader} refuses of a rendition.
 */
public record SourceRequest(Optional<FetchableUrl> url, List<RequestedRendition> renditions, Optional<String> callback) {

    /** The longest URL taken (the source's or the callback's). */
    static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final RenditionsReader RENDITIONS = new RenditionsReader();

    public sealed interface Reading {

        record Read(SourceRequest request) implements Reading {}

        record Invalid(List<Violation> violations) implements Reading {}
    }

    /**
     * @param body       the request's JSON; null (no body) reads as an empty object where {@code url} is not taken
     * @param takesUrl   whether {@code url} is required (sources) or refused (uploads)
     */
    public static Reading read(JsonNode body, boolean takesUrl, CallbackUrlCheck callbackCheck) {
        List<Violation> violations = new ArrayList<>();
        if (body == null || body.isNull()) {
            body = Json.object();
        }
        if (!body.isObject()) {
            return new Reading.Invalid(List.of(new Violation(JsonPath.ROOT, "must be a JSON object")));
        }
        Set<String> fields = takesUrl ? Set.of("url", "outputs", "destinations", "callback")
                : Set.of("outputs", "destinations", "callback");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                violations.add(new Violation(JsonPath.of(name), takesUrl ? "is not a field of a source"
                        : "is not a field this route takes (outputs, destinations, callback)"));
            }
        }
        Optional<FetchableUrl> url = Optional.empty();
        if (takesUrl) {
            url = url(body.path("url"), violations);
        }
        List<RequestedRendition> renditions = outputs(body.path("outputs"), violations);
        destinations(body.path("destinations"), violations);
        Optional<String> callback = callback(body.path("callback"), callbackCheck, violations);
        return violations.isEmpty() ? new Reading.Read(new SourceRequest(url, renditions, callback))
                : new Reading.Invalid(violations);
    }

    private static Optional<FetchableUrl> url(JsonNode node, List<Violation> violations) {
        JsonPath path = JsonPath.of("url");
        if (node.isMissingNode() || node.isNull()) {
            violations.add(new Violation(path, "is required"));
            return Optional.empty();
        }
        if (!node.isTextual() || node.textValue().length() > MAX_URL_LENGTH) {
            violations.add(new Violation(path, "must be a URL of at most " + MAX_URL_LENGTH + " characters"));
            return Optional.empty();
        }
        return switch (FetchableUrl.read(node.textValue(), SCHEMES)) {
            case FetchableUrl.Reading.Accepted accepted -> Optional.of(accepted.url());
            case FetchableUrl.Reading.Refused refused -> {
                violations.add(new Violation(path, refused.problem()));
                yield Optional.empty();
            }
        };
    }

    private static List<RequestedRendition> outputs(JsonNode outputs, List<Violation> violations) {
        if (outputs.isMissingNode() || outputs.isNull()) {
            return List.of();
        }
        JsonPath path = JsonPath.of("outputs");
        if (!outputs.isObject()) {
            violations.add(new Violation(path, "must be an object"));
            return List.of();
        }
        for (Iterator<String> names = outputs.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("transcription")) {
                if (!outputs.get(name).isNull()) {
                    violations.add(new Violation(path.property(name), "is not supported yet"));
                }
            } else if (!name.equals("renditions")) {
                violations.add(new Violation(path.property(name), "is not a field of outputs (renditions)"));
            }
        }
        JsonNode renditions = outputs.path("renditions");
        return switch (RENDITIONS.read(renditions)) {
            case RenditionsReading.Invalid invalid -> {
                violations.addAll(invalid.violations());
                yield List.of();
            }
            case RenditionsReading.Read read -> {
                List<RequestedRendition> requested = new ArrayList<>();
                List<RenditionSpec> specs = read.renditions();
                for (int i = 0; i < specs.size(); i++) {
                    requested.add(new RequestedRendition(specs.get(i), Json.write(renditions.get(i))));
                }
                yield requested;
            }
        };
    }

    /** The contract's {@code Destinations}: one object; Shotstack's hosting, not excluded, is the only one built. */
    private static void destinations(JsonNode destinations, List<Violation> violations) {
        if (destinations.isMissingNode() || destinations.isNull()) {
            return;
        }
        JsonPath path = JsonPath.of("destinations");
        if (!destinations.isObject()) {
            violations.add(new Violation(path, "must be an object naming a provider"));
            return;
        }
        JsonNode provider = destinations.path("provider");
        if (!provider.isTextual()) {
            violations.add(new Violation(path.property("provider"), "is required: shotstack"));
        } else if (!provider.textValue().equals("shotstack")) {
            violations.add(new Violation(path.property("provider"), "is not supported yet: only shotstack (the "
                    + "hosting and CDN) is"));
            return;
        }
        for (Iterator<String> names = destinations.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("provider") && !name.equals("exclude")) {
                violations.add(new Violation(path.property(name), "is not a field of the shotstack destination"));
            }
        }
        JsonNode exclude = destinations.path("exclude");
        if (!exclude.isMissingNode() && !exclude.isNull() && !exclude.isBoolean()) {
            violations.add(new Violation(path.property("exclude"), "must be true or false"));
        } else if (exclude.asBoolean(false)) {
            violations.add(new Violation(path.property("exclude"), "is not supported yet: an ingested file is always "
                    + "hosted"));
        }
    }

    private static Optional<String> callback(JsonNode node, CallbackUrlCheck check, List<Violation> violations) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        JsonPath path = JsonPath.of("callback");
        if (!node.isTextual() || node.textValue().length() > MAX_URL_LENGTH) {
            violations.add(new Violation(path, "must be a URL of at most " + MAX_URL_LENGTH + " characters"));
            return Optional.empty();
        }
        return switch (FetchableUrl.read(node.textValue(), SCHEMES)) {
            case FetchableUrl.Reading.Refused refused -> {
                violations.add(new Violation(path, refused.problem()));
                yield Optional.empty();
            }
            case FetchableUrl.Reading.Accepted accepted -> {
                URI uri = accepted.url().uri();
                Optional<String> refusal = check.refusal(uri);
                refusal.ifPresent(reason -> violations.add(new Violation(path, reason)));
                yield refusal.isPresent() ? Optional.empty() : Optional.of(uri.toString());
            }
        };
    }
}
