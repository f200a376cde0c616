package dev.reelforge.ingest.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.probe.ProbeMedia;
import dev.reelforge.core.probe.ProbeMediaCommand;
import dev.reelforge.core.probe.ProbeMediaResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.ingest.IngestPriming;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.sources.GuardedMediaSampler;
import dev.reelforge.sources.SampleLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /edit/{version}/probe/{url}}: what the media at a URL holds, as the contract's ProbeResponse (see
 * {@link ProbeJson}). The URL is one percent-encoded path segment, decoded once here ({@link PathParameter}).
 * Everything that can go wrong with the URL (malformed, refused address, unreachable, the origin's 404, not media,
 * too slow) is a 400 naming {@code url}.
 *
 * <p>An API request lives at most 29 s at API Gateway: the sample (head, and an MP4's index when it comes last) is
 * read within {@link #SAMPLE_DEADLINE}, at most {@link #MAX_SAMPLE_BYTES}, and ffmpeg reads it within
 * {@link #PROBE_TIMEOUT}.
 */
public final class ProbeFunction implements ProxyHandler {

    /** The head of the file: enough for any container's header, and an MP4 whose index comes first. */
    static final long HEAD_BYTES = 4L * 1024 * 1024;
    /** The head and an index beyond it: an MP4's index is about 1 MB an hour. */
    static final long MAX_SAMPLE_BYTES = 16L * 1024 * 1024;
    /** A source may be as large as this; only its head and index are read. */
    static final long MAX_SOURCE_BYTES = 1L << 40;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SAMPLE_DEADLINE = Duration.ofSeconds(15);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(8);

    private final ProbeMedia probeMedia;

    public ProbeFunction() {
        this(FunctionEnvironment.fromSystem());
        IngestPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ProbeFunction(FunctionEnvironment environment) {
        this(probeMedia(environment));
    }

    public ProbeFunction(ProbeMedia probeMedia) {
        this.probeMedia = probeMedia;
    }

    /** The probe wired from {@code environment}: the address guard, ffmpeg, the work directory. */
    public static ProbeMedia probeMedia(FunctionEnvironment environment) {
        return new ProbeMedia(
                new GuardedMediaSampler(new SampleLimits(HEAD_BYTES, MAX_SAMPLE_BYTES, MAX_SOURCE_BYTES,
                        CONNECT_TIMEOUT, SAMPLE_DEADLINE, environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5)),
                probe(environment),
                environment.optional("WORK_DIRECTORY").map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge")));
    }

    private static MediaProbe probe(FunctionEnvironment environment) {
        return new FfmpegMediaProbe(Path.of(environment.required("FFMPEG")), PROBE_TIMEOUT);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(event)) {
            case Parsed.Ok<ProbeMediaCommand> ok -> respond(probeMedia.probe(ok.value()));
            case Parsed.Rejected<ProbeMediaCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<ProbeMediaCommand> parse(APIGatewayProxyRequestEvent event) {
        return new ApiRequest(event).caller().flatMap(caller -> {
            Optional<String> raw = Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get("url"))
                    .filter(value -> !value.isEmpty());
            if (raw.isEmpty()) {
                return Parsed.rejected(Problem.badRequest(JsonPath.of("url"), "is required"));
            }
            if (raw.get().length() > 3 * ProbeMedia.MAX_URL_LENGTH) {
                return Parsed.rejected(Problem.badRequest(JsonPath.of("url"),
                        "must be at most " + ProbeMedia.MAX_URL_LENGTH + " characters"));
            }
            return PathParameter.decode(raw.get())
                    .<Parsed<ProbeMediaCommand>>map(url -> Parsed.ok(new ProbeMediaCommand(url)))
                    .orElseGet(() -> Parsed.rejected(Problem.badRequest(JsonPath.of("url"),
                            "must be percent-encoded: every % followed by two hexadecimal digits, the bytes UTF-8")));
        });
    }

    private static APIGatewayProxyResponseEvent respond(ProbeMediaResult result) {
        return switch (result) {
            case ProbeMediaResult.Probed probed -> ShotstackResponses.document(ProbeJson.envelope(probed));
            case ProbeMediaResult.Refused refused ->
                    ShotstackResponses.problem(Problem.badRequest(JsonPath.of("url"), refused.problem()));
        };
    }
}
