package dev.reelforge.local.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.reelforge.local.ProjectFiles;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shotstack's OpenAPI definition as a judge of HTTP exchanges. Its paths are relative to the servers
 * {@code /edit/{version}}, {@code /serve/{version}} and {@code /ingest/{version}}, so that prefix is taken off before
 * matching.
 * Statuses the contract does not document (4xx) have no body schema to check.
 */
public final class ShotstackContract {

    private static final Pattern SERVER_PREFIX = Pattern.compile("^/(edit|serve|ingest)/(stage|v1)(/.*)$");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createFor(load())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private ShotstackContract() {}

    /** The newest definition (contracts/shotstack-openapi-1.18.3), parsed; it must parse without warnings. */
    static OpenAPI load() {
        return parse(ContractBundle.bundled(ProjectFiles.newestShotstackContract()));
    }

    /** The workspace's multi-file definition (contracts/shotstack-openapi), bundled and parsed. */
    static OpenAPI loadWorkspaceCopy() {
        return parse(ContractBundle.bundle(ProjectFiles.shotstackContract()));
    }

    private static OpenAPI parse(String bundled) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(bundled, null, new ParseOptions());
        List<String> problems = result.getMessages() == null ? List.of() : result.getMessages();
        if (result.getOpenAPI() == null || !problems.isEmpty()) {
            throw new IllegalStateException("the Shotstack contract does not parse: " + problems);
        }
        return result.getOpenAPI();
    }

    /** The contract's objections to a request, empty when it is a request the contract allows. */
    public static List<String> requestViolations(Exchange exchange) {
        return errors(VALIDATOR.validateRequest(request(exchange)));
    }

    /** The contract's objections to a request, but those to the values at the JSON pointers {@code excused} accepts. */
    public static List<String> requestViolationsExcept(Exchange exchange, Predicate<String> excused) {
        return errors(VALIDATOR.validateRequest(request(exchange)), excused);
    }

    /** The contract's objections to the response, but those to the values at the JSON pointers {@code excused} accepts. */
    public static List<String> responseViolationsExcept(Exchange exchange, Predicate<String> excused) {
        Matcher path = SERVER_PREFIX.matcher(exchange.path());
        if (!path.matches()) {
            return List.of("not a path under /edit/{version}, /serve/{version} or /ingest/{version}: "
                    + exchange.path());
        }
        return errors(validateResponse(exchange, path), excused);
    }

    /** The contract's objections to the response, for the statuses it documents. */
    public static List<String> responseViolations(Exchange exchange) {
        return responseViolationsExcept(exchange, pointer -> false);
    }

    private static ValidationReport validateResponse(Exchange exchange, Matcher path) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        return VALIDATOR.validateResponse(path.group(3), Request.Method.valueOf(exchange.method()), response.build());
    }

    private static SimpleRequest request(Exchange exchange) {
        Matcher path = SERVER_PREFIX.matcher(exchange.path());
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(),
                path.matches() ? path.group(3) : exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        exchange.query().forEach((name, value) -> request.withQueryParam(name, value));
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static List<String> errors(ValidationReport report) {
        return errors(report, pointer -> false);
    }

    private static List<String> errors(ValidationReport report, Predicate<String> excused) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                        .map(pointers -> !excused.test(pointers.getInstance())).orElse(true))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    /** One request and its response, as the test client saw them. */
    public record Exchange(String method, String path, Map<String, String> query, Map<String, String> requestHeaders,
            String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {}
}
