package dev.reelforge.dashboard;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.cloudformation.CustomResourceResponse;
import dev.reelforge.runtime.log.StructuredLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CloudFormation custom resource {@code Custom::Dashboard}: on Create and on every Update it publishes the
 * dashboard this jar carries to the dashboard's bucket ({@link PublishDashboard}), with {@code config.json} naming the
 * resource's {@code ApiUrl} property (and {@code IbmApiUrl}, {@code PicovicoApiUrl} when given); on Delete it
 * empties the bucket ({@link RemoveDashboard}), which the stack deletes next. Whatever happens, it answers CloudFormation at the event's {@code ResponseURL}
 * ({@link CustomResourceResponse}), always with the same physical id, so an update is never a replacement (whose
 * Delete of the "old" resource would empty the bucket just written).
 */
public final class DashboardPublisherFunction implements RequestHandler<Map<String, Object>, Void> {

    /** One physical resource for the dashboard, whatever its updates. */
    static final String PHYSICAL_ID = "reelforge-dashboard";
    /** The resource property naming the API the pages call. */
    static final String API_URL = "ApiUrl";
    /** The optional resource properties naming the IBM and Picovico faces' APIs (each its own on AWS). */
    static final String IBM_API_URL = "IbmApiUrl";
    static final String PICOVICO_API_URL = "PicovicoApiUrl";

    private final PublishDashboard publish;
    private final RemoveDashboard remove;
    private final Path files;
    private final Consumer<HttpRequest> respond;

    public DashboardPublisherFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public DashboardPublisherFunction(FunctionEnvironment environment) {
        this(PublishDashboard.of(environment), RemoveDashboard.of(environment), ShippedDashboard.files(),
                CustomResourceResponse::send);
    }

    public DashboardPublisherFunction(PublishDashboard publish, RemoveDashboard remove, Path files,
            Consumer<HttpRequest> respond) {
        this.publish = publish;
        this.remove = remove;
        this.files = files;
        this.respond = respond;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        String requestType = String.valueOf(event.get("RequestType"));
        HttpRequest response;
        try {
            Map<String, Object> data = Map.of();
            if (requestType.equals("Create") || requestType.equals("Update")) {
                PublishedDashboard published = publish.publish(command(event));
                log.event("dashboard-published").field("written", published.written().size())
                        .field("removed", published.removed().size()).info();
                data = Map.of("Files", published.written().size());
            } else if (requestType.equals("Delete")) {
                List<String> removed = remove.remove();
                log.event("dashboard-removed").field("removed", removed.size()).info();
            }
            response = CustomResourceResponse.success(event, PHYSICAL_ID, data);
        } catch (InvalidApiUrlException e) {
            log.event("dashboard-failed").failure(e).error();
            response = CustomResourceResponse.failure(event, PHYSICAL_ID, e.getMessage());
        } catch (RuntimeException e) {
            log.event("dashboard-failed").failure(e).error();
            response = CustomResourceResponse.failure(event, PHYSICAL_ID,
                    "The dashboard could not be written; see log stream " + context.getLogStreamName());
        }
        respond.accept(response);
        return null;
    }

    private PublishDashboardCommand command(Map<String, Object> event) {
        Map<?, ?> properties = event.get("ResourceProperties") instanceof Map<?, ?> map ? map : Map.of();
        URI apiUrl = url(properties, API_URL).orElseThrow(() ->
                new InvalidApiUrlException("The resource property " + API_URL + " (the API's URL) is missing."));
        try {
            return new PublishDashboardCommand(files, apiUrl, url(properties, IBM_API_URL),
                    url(properties, PICOVICO_API_URL));
        } catch (IllegalArgumentException e) {
            throw new InvalidApiUrlException("The resource properties " + API_URL + ", " + IBM_API_URL + " and "
                    + PICOVICO_API_URL + " must be http(s) URLs with no query.");
        }
    }

    /** The property's URL, when it is given. */
    private static Optional<URI> url(Map<?, ?> properties, String name) {
        Object value = properties.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidApiUrlException("The resource property " + name + " is not an http(s) URL.");
        }
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            throw new InvalidApiUrlException("The resource property " + name + " is not an http(s) URL.");
        }
    }

    /** The template gave no usable API URL: said as it is, since it is the template's author who must fix it. */
    private static final class InvalidApiUrlException extends RuntimeException {
        InvalidApiUrlException(String message) {
            super(message);
        }
    }
}
