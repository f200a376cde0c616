package dev.reelforge.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.S3Destination;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.url.FetchableUrl;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
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
 * here (the flow does it, {@link TransferAsset}). The {@code shotstack} destination (hosting) is always taken; an
 * {@code s3} destination, a bucket the deployment grants ({@link BucketGrants}), receives a copy once the asset is
 * ready ({@link DeliverTransfer}); the third-party providers are not offered.
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
    private static final Set<String> S3_FIELDS = Set.of("provider", "options");
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,8})$");

    private final Transfers transfers;
    private final String region;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final BucketGrants grants;

    /** For a place that grants no buckets: every s3 destination is refused. */
    public RequestTransfer(Transfers transfers, String region, Clock clock, Supplier<UUID> ids) {
        this(transfers, region, clock, ids, BucketGrants.NONE);
    }

    public RequestTransfer(Transfers transfers, String region, Clock clock, Supplier<UUID> ids, BucketGrants grants) {
        this.transfers = transfers;
        this.region = region;
        this.clock = clock;
        this.ids = ids;
        this.grants = grants;
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
        List<S3Destination> s3Destinations = destinations(body.get("destinations"), violations);
        if (!violations.isEmpty()) {
            return new RequestTransferResult.Invalid(violations);
        }
        UUID id = ids.get();
        UUID group = TransferGroup.of(clientId.orElseThrow()).orElseThrow();
        Instant now = clock.instant();
        Asset asset = new Asset(id, command.owner(), command.environment(), region, group,
                id + extensionOf(url.orElseThrow()), Optional.empty(), AssetStatus.IMPORTING, now, now,
                Optional.empty());
        transfers.begin(asset, url.get().toString(),
                s3Destinations.isEmpty() ? Optional.empty() : Optional.of(body.get("destinations")));
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

    /** The s3 destinations among {@code destinations} (checked, their buckets granted). */
    private List<S3Destination> destinations(JsonNode value, List<Violation> violations) {
        JsonPath where = JsonPath.of("destinations");
        if (value == null || value.isNull()) {
            violations.add(new Violation(where, "is required"));
            return List.of();
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_DESTINATIONS) {
            violations.add(new Violation(where, "must be an array of 1 to " + MAX_DESTINATIONS
                    + " destinations, such as [{\"provider\":\"shotstack\"}]"));
            return List.of();
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
            if (provider.textValue().equals("s3")) {
                s3Destination(destination, at, violations);
                continue;
            }
            if (!provider.textValue().equals("shotstack")) {
                violations.add(new Violation(at.property("provider"), EditReader.notOffered(provider.textValue())));
                continue;
            }
            unknownFields(destination, SHOTSTACK_FIELDS, "shotstack", at, violations);
            JsonNode exclude = destination.get("exclude");
            if (exclude != null && !(exclude.isBoolean() && !exclude.booleanValue())) {
                violations.add(new Violation(at.property("exclude"),
                        "must be false: a transferred file is always hosted (an s3 destination gets a copy)"));
            }
        }
        return violations.isEmpty() ? S3Destination.ofDestinations(value) : List.of();
    }

    /** As a render's s3 destination: its options, then its bucket granted to this deployment. */
    private void s3Destination(JsonNode destination, JsonPath at, List<Violation> violations) {
        unknownFields(destination, S3_FIELDS, "s3", at, violations);
        Violations options = new Violations();
        EditReader.s3Destination(destination, at, options);
        violations.addAll(options.list());
        String bucket = destination.path("options").path("bucket").asText("");
        if (options.isEmpty() && !grants.grants(bucket)) {
            violations.add(new Violation(at.property("options").property("bucket"), BucketGrants.notGranted(bucket)));
        }
    }

    private static void unknownFields(JsonNode destination, Set<String> fields, String provider, JsonPath at,
            List<Violation> violations) {
        for (Iterator<String> names = destination.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                violations.add(new Violation(at.property(name), "is not a property of the " + provider
                        + " destination"));
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
