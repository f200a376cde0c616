package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.upload.AddUpload;
import dev.reelforge.core.upload.AddUploadCommand;
import dev.reelforge.core.upload.AddUploadResult;
import dev.reelforge.core.upload.UploadFormat;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /me/photos} and {@code PUT /me/musics} (the file as the raw body, at most {@link #MAX_DIRECT_BYTES}),
 * {@code POST /me/photos} and {@code POST /me/musics} ({@code url}, fetched through the address guard): the file is
 * checked, then stored and recorded, ready; answers the photo or music ({@link UploadJson}).
 */
public final class AddUploadFunction implements ProxyHandler {

    /**
     * The largest body {@code PUT} takes: 4 MiB. API Gateway hands Lambda the body base64-encoded (5,592,408
     * characters for this) inside the event, and Lambda refuses an event over 6,291,456 bytes; the rest leaves room
     * for the event's headers (at most 10 KB, listed twice) and context. Larger files go through
     * {@code POST /me/uploads}.
     */
    public static final int MAX_DIRECT_BYTES = 4 * 1024 * 1024;

    /** The fields {@code POST} takes: Picovico's SDKs send url with source and thumbnail_url, or preview_url. */
    private static final Set<String> URL_FIELDS = Set.of("url", "thumbnail_url", "preview_url", "source", "title",
            "artist");
    private static final int MAX_FIELDS_BYTES = 16 * 1024;
    private static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> UNDECLARED = Set.of("application/octet-stream", "binary/octet-stream");

    private final AddUpload addUpload;
    private final URI cdnUrl;
    private final Path workDirectory;

    public AddUploadFunction() {
        this(FunctionEnvironment.fromSystem());
        UploadsPriming.register();
    }

    public AddUploadFunction(FunctionEnvironment environment) {
        this(UploadParts.of(environment));
    }

    private AddUploadFunction(UploadParts parts) {
        this(new AddUpload(parts.uploads(), parts.files(), parts.check(), parts.fetcher(), parts.environment().clock(),
                new SecureRandom()), parts.cdnUrl(), parts.workDirectory());
    }

    public AddUploadFunction(AddUpload addUpload, URI cdnUrl, Path workDirectory) {
        this.addUpload = addUpload;
        this.cdnUrl = cdnUrl;
        this.workDirectory = workDirectory;
    }

    /** The 413 a body too large for this route gets: the limit, and the way for larger files. */
    static PicovicoError tooLarge() {
        return new PicovicoError(413, "The body must be at most " + MAX_DIRECT_BYTES + " bytes (4 MiB) here; send"
                + " larger files (up to 25 MB) through POST /me/uploads, which answers a URL to PUT them to.");
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            Caller caller = request.caller();
            UploadKind kind = UploadRoutes.kind(event);
            Parsed<AddUploadResult> result = "PUT".equalsIgnoreCase(event.getHttpMethod())
                    ? received(request, caller, kind)
                    : fetched(request, caller, kind);
            return switch (result) {
                case Parsed.Rejected<AddUploadResult> rejected -> PicovicoResponses.error(rejected.error());
                case Parsed.Ok<AddUploadResult> ok -> switch (ok.value()) {
                    case AddUploadResult.Added added -> PicovicoResponses.ok(UploadJson.of(added.upload(), cdnUrl));
                    case AddUploadResult.Refused refused -> PicovicoResponses.error(PicovicoError.badRequest(
                            (isPut(event) ? "The body is refused: " : "The file at the field \"url\" is refused: ")
                                    + refused.reason() + "."));
                    case AddUploadResult.NotAsDeclared notAsDeclared -> PicovicoResponses.error(PicovicoError.badRequest(
                            "The body is not " + notAsDeclared.declared().mediaType() + " as the Content-Type header"
                                    + " declares: its bytes do not begin as such a file does."));
                    case AddUploadResult.NotFetched notFetched -> PicovicoResponses.error(PicovicoError.badRequest(
                            "The field \"url\" cannot be fetched: " + notFetched.reason() + "."));
                };
            };
        });
    }

    private static boolean isPut(APIGatewayProxyRequestEvent event) {
        return "PUT".equalsIgnoreCase(event.getHttpMethod());
    }

    private Parsed<AddUploadResult> received(PicovicoRequest request, Caller caller, UploadKind kind) {
        return request.header("Content-Type").flatMap(contentType -> declared(kind, contentType))
                .flatMap(declared -> request.bytes(MAX_DIRECT_BYTES, tooLarge()).flatMap(bytes -> {
                    if (bytes.length == 0) {
                        return Parsed.rejected(PicovicoError.badRequest("The body must be the "
                                + (kind == UploadKind.PHOTO ? "photo" : "music") + " file's bytes; it is empty."));
                    }
                    Path file = workFile();
                    try {
                        Files.write(file, bytes);
                        return Parsed.ok(addUpload.add(new AddUploadCommand(caller.owner(), caller.environment(), kind,
                                new AddUploadCommand.Source.Received(file), declared)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        deleteQuietly(file);
                    }
                }));
    }

    /** The format the Content-Type declares; none when absent or generic (Picovico's SDKs send none). */
    private static Parsed<Optional<UploadFormat>> declared(UploadKind kind, Optional<String> contentType) {
        if (contentType.isEmpty() || contentType.get().isBlank() || UNDECLARED.contains(
                contentType.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT))) {
            return Parsed.ok(Optional.empty());
        }
        Optional<UploadFormat> format = UploadFormat.ofMediaType(kind, contentType.get());
        if (format.isEmpty()) {
            return Parsed.rejected(PicovicoError.badRequest("The Content-Type header must be one of "
                    + UploadFormat.mediaTypes(kind) + " (or left out, for the file's bytes to tell)."));
        }
        return Parsed.ok(format);
    }

    private Parsed<AddUploadResult> fetched(PicovicoRequest request, Caller caller, UploadKind kind) {
        return request.fields(MAX_FIELDS_BYTES).flatMap(fields -> url(fields)).map(url -> {
            Path file = workFile();
            try {
                return addUpload.add(new AddUploadCommand(caller.owner(), caller.environment(), kind,
                        new AddUploadCommand.Source.Fetched(url, file), Optional.empty()));
            } finally {
                deleteQuietly(file);
            }
        });
    }

    private static Parsed<URI> url(Map<String, String> fields) {
        for (String name : fields.keySet()) {
            if (!URL_FIELDS.contains(name)) {
                return Parsed.rejected(PicovicoError.badRequest("The field " + BodyFields.quoted(name)
                        + " is not one this route takes (url, thumbnail_url, preview_url, source, title, artist)."));
            }
        }
        String text = fields.get("url");
        if (text == null || text.isBlank()) {
            return Parsed.rejected(PicovicoError.badRequest("The field \"url\" is required: the file's http or https"
                    + " URL (or PUT the file itself)."));
        }
        if (text.length() > MAX_URL_LENGTH) {
            return Parsed.rejected(PicovicoError.badRequest("The field \"url\" must be at most " + MAX_URL_LENGTH
                    + " characters."));
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return Parsed.rejected(PicovicoError.badRequest("The field \"url\" is not a URL."));
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Parsed.rejected(PicovicoError.badRequest("The field \"url\" must be an http or https URL."));
        }
        return Parsed.ok(url);
    }

    private Path workFile() {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempFile(workDirectory, "upload-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in the function's own scratch space; the next cold start begins empty
        }
    }
}
