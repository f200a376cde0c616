package dev.reelforge.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.url.FetchableUrl;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /serve/{version}/assets}: checks a transfer (the contract's Transfer: {@code url}, {@code id},
 * {@code destinations}) and records it as a new asset, {@code importing}, with the URL to fetch; nothing is fetched
 * here (the flow does it, {@link TransferAsset}). Only the {@code shotstack} destination is supported.
 *
 * <p>The asset's id is new for every request (a client's {@code id} need not be unique); its render id is the
 * client id's {@link TransferGroup}, so the transfers of one id are listed together; its file is
 * {@code <assetId>.<extension of the URL's file name>} (no extension when the name has none that is plain).
 */
public final class RequestTransfer {

    public static final Set<String> SCHEMES = Set.of("http", "https");
    public static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESTINATIONS = 10;
    private static final Set<String> FIELDS = Set.of("url", "id", "destinations");
    private static final Set<String> SHOTSTACK_FIELDS = Set.of("provider", "exclude");
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,8})$");

    private final Transfers transfers;
    private final String region;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public RequestTransfer(Transfers transfers, String region, Clock clock, Supplier<UUID> ids) {
        this.transfers = transfers;
        this.region = region;
        this.clock = clock;
        this.ids = ids;
    }

    public RequestTransferResult request(RequestTransferCommand command) {
        JsonNode body = command.body();
        List<Violation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new RequestTransferResult.Invalid(List.of(new Violation(JsonPath.ROOT,
                    "must be a JSON object with url, id and destinations")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(JsonPath.of(name), "is not a property of a transfer"));
            }
        }
        Optional<URI> url = url(body.get("url"), violations);
        Optional<String> clientId = clientId(body.get("id"), violations);
        destinations(body.get("destinations"), violations);
        if (!violations.isEmpty()) {
            return new RequestTransferResult.Invalid(violations);
        }
        UUID id = ids.get();
        UUID group = TransferGroup.of(clientId.orElseThrow()).orElseThrow();
        Instant now = clock.instant();
        Asset asset = new Asset(id, command.owner(), command.environment(), region, group,
                id + extensionOf(url.orElseThrow()), Optional.empty(), AssetStatus.IMPORTING, now, now,
                Optional.empty());
        transfers.begin(asset, url.get().toString());
        return new RequestTransferResult.Queued(asset, clientId.get());
    }

    private static Optional<URI> url(JsonNode value, List<Violation> violations) {
        JsonPath where = JsonPath.of("url");
        if (value == null || value.isNull()) {
            violations.add(new Violation(where, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            violations.add(new Violation(where, "must be a string"));
            return Optional.empty();
        }
        if (value.textValue().length() > MAX_URL_LENGTH) {
            violations.add(new Violation(where, "must be at most " + MAX_URL_LENGTH + " characters"));
            return Optional.empty();
        }
        return switch (FetchableUrl.read(value.textValue(), SCHEMES)) {
            case FetchableUrl.Reading.Accepted accepted -> Optional.of(accepted.url().uri());
            case FetchableUrl.Reading.Refused refused -> {
                violations.add(new Violation(where, refused.problem()));
                yield Optional.empty();
            }
        };
    }

    private static Optional<String> clientId(JsonNode value, List<Violation> violations) {
        JsonPath where = JsonPath.of("id");
        if (value == null || value.isNull()) {
            violations.add(new Violation(where, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual() || TransferGroup.of(value.textValue()).isEmpty()) {
            violations.add(new Violation(where, "must be 1 to 128 letters, digits, '.', '_', '~' or '-'"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private static void destinations(JsonNode value, List<Violation> violations) {
        JsonPath where = JsonPath.of("destinations");
        if (value == null || value.isNull()) {
            violations.add(new Violation(where, "is required"));
            return;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_DESTINATIONS) {
            violations.add(new Violation(where, "must be an array of 1 to " + MAX_DESTINATIONS
                    + " destinations, such as [{\"provider\":\"shotstack\"}]"));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode destination = value.get(i);
            JsonPath at = where.index(i);
            if (!destination.isObject()) {
                violations.add(new Violation(at, "must be an object with a provider"));
                continue;
            }
            JsonNode provider = destination.get("provider");
            if (provider == null || !provider.isTextual()) {
                violations.add(new Violation(at.property("provider"), "is required, a string"));
                continue;
            }
            if (!provider.textValue().equals("shotstack")) {
                violations.add(new Violation(at.property("provider"),
                        "is not supported: a transfer goes to the shotstack destination (hosting) only"));
                continue;
            }
            for (Iterator<String> names = destination.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!SHOTSTACK_FIELDS.contains(name)) {
                    violations.add(new Violation(at.property(name), "is not a property of the shotstack destination"));
                }
            }
            JsonNode exclude = destination.get("exclude");
            if (exclude != null && !(exclude.isBoolean() && !exclude.booleanValue())) {
                violations.add(new Violation(at.property("exclude"),
                        "must be false: a transfer's only destination is hosting"));
            }
        }
    }

    /** {@code .mp4} of {@code https://a.test/v/clip.MP4?x=1}; empty when the last path segment has no plain one. */
    static String extensionOf(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        Matcher matcher = EXTENSION.matcher(last);
        return matcher.find() ? "." + matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
