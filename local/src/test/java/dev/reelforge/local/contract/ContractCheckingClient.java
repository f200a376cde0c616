package dev.reelforge.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.transfer.TransferGroup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP client of the API tests. Every exchange it makes is judged against Shotstack's contract:
 * a successful (2xx) answer must follow a request the contract allows and must itself match the
 * contract, and a request the contract forbids must never succeed.
 *
 * <p>The routes Reelforge adds to the contract (documented as extensions in the README) are judged by the
 * contract's rules for the parameters of the path they extend: {@code DELETE /serve/{version}/assets/render/{id}}
 * by those of {@code GET /assets/render/{id}}, and must answer a success with a 204 and no body, as the contract's
 * own delete does; {@code GET /edit/{version}/render/{id}/callbacks} by those of {@code GET /render/{id}}, and must
 * answer a success in the Edit API's envelope with a {@code callbacks} array; {@code /serve/{version}/assets/render/{id}}
 * with a transfer's id that is no UUID as with the UUID it stands for; {@code DELETE /edit/{version}/render/{id}}
 * (cancel) by those of {@code GET /render/{id}}, and must answer a success with a 202 whose body is what the
 * contract's {@code GET /render/{id}} answers (message aside); {@code POST /ingest/{version}/upload} with a body (the
 * outputs, destinations and callback of the upload's source) by the contract's rules for the same request without
 * one, its answer by the contract's; {@code GET /edit/{version}/renders} (the renders list), whose request the contract
 * has no rules for, must answer a success in the Edit API's envelope with {@code response.renders}, each of them a
 * render status the contract's {@code GET /render/{id}} answers (so its extra {@code progress}, allowed by the
 * contract's RenderResponseData, is judged like the status's own), and {@code response.next} a string or null.
 *
 * <p>A render status ({@code GET /edit/{version}/render/{id}}, the cancel's answer, each listed render) carries
 * {@code progress}, a documented extension (README, "Render progress") the contract's RenderResponseData does not
 * declare, and the judge holds every property it does not declare against an answer: so {@code progress} is checked
 * here, in this one place (a whole number from 0 to 100), and taken off before the contract judges the rest.
 *
 * <p>A saved template ({@code POST /templates}, {@code PUT} and {@code GET /templates/{id}}) may hold merge placeholders
 * its own merge fields leave in place, which stand for values given when it is rendered: the contract lets a placeholder
 * stand for any value ({@code MergeField}), so the template is judged with its own merge fields applied and the
 * contract's objections to a value that is a string holding a placeholder are set aside, as the API sets them aside.
 */
public final class ContractCheckingClient {

    private static final Pattern EXTENSION = Pattern.compile("^/serve/(stage|v1)/assets/render/[^/]*$");
    private static final Pattern CALLBACKS_EXTENSION = Pattern.compile("^(/edit/(stage|v1)/render/[^/]*)/callbacks$");
    private static final Pattern RENDER_ASSETS = Pattern.compile("^(/serve/(?:stage|v1)/assets/render/)([^/]+)$");
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern TRANSFER = Pattern.compile("^/serve/(stage|v1)/assets$");
    private static final Pattern CANCEL_EXTENSION = Pattern.compile("^/edit/(stage|v1)/render/[^/]*$");
    /** The routes whose bodies carry a saved template ({@code templates/render} carries none). */
    private static final Pattern TEMPLATE_PATH = Pattern.compile("^/edit/(stage|v1)/templates(/(?!render$)[^/]*)?$");
    private static final Pattern RENDER_STATUS = Pattern.compile("^/edit/(stage|v1)/render/[^/]*$");
    private static final Pattern RENDERS_EXTENSION = Pattern.compile("^/edit/(stage|v1)/renders$");
    private static final Pattern UPLOAD_EXTENSION = Pattern.compile("^/ingest/(stage|v1)/upload$");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI apiUrl;

    public ContractCheckingClient(URI apiUrl) {
        this.apiUrl = apiUrl;
    }

    public ApiResponse post(String path, String apiKey, String body) {
        return post(path, apiKey, body, Map.of());
    }

    /** A POST with further headers, such as {@code Idempotency-Key}. */
    public ApiResponse post(String path, String apiKey, String body, Map<String, String> moreHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        headers.putAll(moreHeaders);
        return exchange("POST", path, Map.of(), headers, body);
    }

    public ApiResponse put(String path, String apiKey, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        return exchange("PUT", path, Map.of(), headers, body);
    }

    public ApiResponse get(String path, String apiKey) {
        return get(path, Map.of(), apiKey);
    }

    public ApiResponse get(String path, Map<String, String> query, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        return exchange("GET", path, query, headers, null);
    }

    public ApiResponse delete(String path, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        return exchange("DELETE", path, Map.of(), headers, null);
    }

    private ApiResponse exchange(String method, String path, Map<String, String> query, Map<String, String> headers,
            String body) {
        String queryString = query.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(apiUrl.resolve(path + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> responseHeaders.put(name, values.getFirst()));
        ShotstackContract.Exchange exchange = new ShotstackContract.Exchange(method, path, query, headers, body,
                response.statusCode(), responseHeaders, response.body());
        judge(exchange);
        return new ApiResponse(response.statusCode(), responseHeaders, parse(response.body()));
    }

    private static void judge(ShotstackContract.Exchange sent) {
        if (sent.method().equals("POST") && UPLOAD_EXTENSION.matcher(sent.path()).matches()
                && sent.requestBody() != null) {
            judge(new ShotstackContract.Exchange(sent.method(), sent.path(), sent.query(),
                    sent.requestHeaders(), null, sent.status(), sent.responseHeaders(), sent.responseBody()));
            return;
        }
        String what = sent.method() + " " + sent.path() + " -> " + sent.status();
        ShotstackContract.Exchange exchange = withTransferGroup(sent);
        Matcher callbacks = CALLBACKS_EXTENSION.matcher(exchange.path());
        if (exchange.method().equals("GET") && callbacks.matches()) {
            judgeCallbacks(exchange, callbacks.group(1), what);
            return;
        }
        if (exchange.method().equals("GET") && RENDER_STATUS.matcher(exchange.path()).matches()) {
            exchange = withProgressChecked(exchange, what);
        }
        if (exchange.method().equals("GET") && RENDERS_EXTENSION.matcher(exchange.path()).matches()) {
            judgeRenderList(exchange, what);
            return;
        }
        if (exchange.method().equals("DELETE") && CANCEL_EXTENSION.matcher(exchange.path()).matches()) {
            judgeCancel(exchange, what);
            return;
        }
        boolean extension = exchange.method().equals("DELETE") && EXTENSION.matcher(exchange.path()).matches();
        boolean template = TEMPLATE_PATH.matcher(exchange.path()).matches();
        if (template) {
            exchange = withTemplatesMerged(exchange);
        }
        var requestViolations = ShotstackContract.requestViolationsExcept(
                withMergeFieldsApplied(extension ? withMethod(exchange, "GET") : exchange),
                template ? placeholdersIn(exchange.requestBody()) : pointer -> false);
        if (exchange.status() >= 200 && exchange.status() < 300) {
            assertThat(requestViolations).as("%s: the contract forbids this request, yet it succeeded", what).isEmpty();
            if (extension) {
                assertThat(exchange.status()).as("%s: the extension deletes like the contract's delete", what)
                        .isEqualTo(204);
                assertThat(exchange.responseBody()).as("%s: a 204 has no body", what).isNullOrEmpty();
                return;
            }
            ShotstackContract.Exchange answered = exchange;
            assertThat(ShotstackContract.responseViolationsExcept(answered,
                    template ? placeholdersIn(answered.responseBody()) : pointer -> false).stream()
                    .filter(violation -> !isTransferResponseDefect(answered, violation)).toList())
                    .as("%s: response does not match the contract", what).isEmpty();
        } else if (!requestViolations.isEmpty()) {
            assertThat(exchange.status()).as("%s: a request the contract forbids must get a 4xx", what)
                    .isBetween(400, 499);
        }
    }

    /**
     * {@code /serve/{version}/assets/render/{id}} takes the {@code id} a client gave its transfers in place of a render
     * id (a Reelforge extension: the contract's Transfer.id need not be a UUID, its listing route's must): judged as
     * the route with the UUID that id stands for ({@link TransferGroup}).
     */
    private static ShotstackContract.Exchange withTransferGroup(ShotstackContract.Exchange exchange) {
        Matcher listing = RENDER_ASSETS.matcher(exchange.path());
        if (!listing.matches() || UUID_FORMAT.matcher(listing.group(2)).matches()) {
            return exchange;
        }
        return TransferGroup.of(listing.group(2))
                .map(group -> new ShotstackContract.Exchange(exchange.method(), listing.group(1) + group,
                        exchange.query(), exchange.requestHeaders(), exchange.requestBody(), exchange.status(),
                        exchange.responseHeaders(), exchange.responseBody()))
                .orElse(exchange);
    }

    /**
     * The contract's TransferResponseData lists {@code data} among its own required properties, so a transfer's
     * answer would need {@code data.data}: a slip, against the contract's own example and Shotstack's answer
     * ({@code {"data":{"type":"asset","attributes":{…}}}}). That one violation is not held against the answer.
     */
    private static boolean isTransferResponseDefect(ShotstackContract.Exchange exchange, String violation) {
        return exchange.method().equals("POST") && TRANSFER.matcher(exchange.path()).matches()
                && violation.equals("validation.response.body.schema.required: [Path '/data'] Object has missing "
                        + "required properties ([\"data\"])");
    }

    private static void judgeCallbacks(ShotstackContract.Exchange exchange, String renderPath, String what) {
        ShotstackContract.Exchange asRender = new ShotstackContract.Exchange("GET", renderPath, exchange.query(),
                exchange.requestHeaders(), null, exchange.status(), exchange.responseHeaders(), exchange.responseBody());
        var requestViolations = ShotstackContract.requestViolations(asRender);
        if (exchange.status() >= 200 && exchange.status() < 300) {
            assertThat(requestViolations).as("%s: the contract forbids this request, yet it succeeded", what).isEmpty();
            JsonNode body = parse(exchange.responseBody());
            assertThat(exchange.status()).as(what).isEqualTo(200);
            assertThat(body.path("success").asBoolean()).as("%s: success", what).isTrue();
            assertThat(body.path("message").asText()).as("%s: message", what).isEqualTo("OK");
            assertThat(body.at("/response/callbacks").isArray()).as("%s: response.callbacks", what).isTrue();
        } else if (!requestViolations.isEmpty()) {
            assertThat(exchange.status()).as("%s: a request the contract forbids must get a 4xx", what)
                    .isBetween(400, 499);
        }
    }

    private static void judgeRenderList(ShotstackContract.Exchange exchange, String what) {
        if (exchange.status() < 200 || exchange.status() >= 300) {
            return;
        }
        assertThat(exchange.status()).as(what).isEqualTo(200);
        JsonNode body = parse(exchange.responseBody());
        assertThat(body.path("success").asBoolean()).as("%s: success", what).isTrue();
        assertThat(body.path("message").asText()).as("%s: message", what).isEqualTo("OK");
        assertThat(body.at("/response/owner").isTextual()).as("%s: response.owner", what).isTrue();
        JsonNode next = body.at("/response/next");
        assertThat(next.isTextual() || next.isNull()).as("%s: response.next is a string or null", what).isTrue();
        JsonNode renders = body.at("/response/renders");
        assertThat(renders.isArray()).as("%s: response.renders", what).isTrue();
        String version = exchange.path().split("/")[2];
        for (JsonNode render : renders) {
            ObjectNode status = Json.object().put("success", true).put("message", "OK");
            status.set("response", withoutProgress(render, what));
            ShotstackContract.Exchange asStatus = new ShotstackContract.Exchange("GET",
                    "/edit/" + version + "/render/" + render.path("id").asText(), Map.of(), exchange.requestHeaders(),
                    null, 200, exchange.responseHeaders(), Json.write(status));
            assertThat(ShotstackContract.responseViolations(asStatus))
                    .as("%s: a listed render does not match the contract's render status", what).isEmpty();
        }
    }

    /** A render status's {@code progress} (the extension) checked and taken off; other answers as they are. */
    private static ShotstackContract.Exchange withProgressChecked(ShotstackContract.Exchange exchange, String what) {
        if (exchange.status() < 200 || exchange.status() >= 300) {
            return exchange;
        }
        JsonNode body = parse(exchange.responseBody());
        if (!(body instanceof ObjectNode envelope) || !body.path("response").isObject()) {
            return exchange;
        }
        envelope.set("response", withoutProgress(body.path("response"), what));
        return new ShotstackContract.Exchange(exchange.method(), exchange.path(), exchange.query(),
                exchange.requestHeaders(), exchange.requestBody(), exchange.status(), exchange.responseHeaders(),
                Json.write(envelope));
    }

    private static JsonNode withoutProgress(JsonNode render, String what) {
        JsonNode progress = render.path("progress");
        assertThat(progress.isInt() && progress.intValue() >= 0 && progress.intValue() <= 100)
                .as("%s: a render status's progress is a whole number from 0 to 100, found %s", what, progress)
                .isTrue();
        ObjectNode rest = render.deepCopy();
        rest.remove("progress");
        return rest;
    }

    private static void judgeCancel(ShotstackContract.Exchange exchange, String what) {
        ShotstackContract.Exchange asGet = withMethod(exchange, "GET");
        var requestViolations = ShotstackContract.requestViolations(asGet);
        if (exchange.status() >= 200 && exchange.status() < 300) {
            assertThat(requestViolations).as("%s: the contract forbids this request, yet it succeeded", what).isEmpty();
            assertThat(exchange.status()).as(what).isEqualTo(202);
            JsonNode body = parse(exchange.responseBody());
            assertThat(body.path("success").asBoolean()).as("%s: success", what).isTrue();
            assertThat(body.path("message").asText()).as("%s: message", what).isEqualTo("Accepted");
            ShotstackContract.Exchange asStatus = withProgressChecked(new ShotstackContract.Exchange("GET",
                    exchange.path(), Map.of(), exchange.requestHeaders(), null, 200, exchange.responseHeaders(),
                    exchange.responseBody()), what);
            assertThat(ShotstackContract.responseViolations(asStatus))
                    .as("%s: response does not match the contract's render status", what).isEmpty();
        } else if (!requestViolations.isEmpty()) {
            assertThat(exchange.status()).as("%s: a request the contract forbids must get a 4xx", what)
                    .isBetween(400, 499);
        }
    }

    private static ShotstackContract.Exchange withMethod(ShotstackContract.Exchange exchange, String method) {
        return new ShotstackContract.Exchange(method, exchange.path(), exchange.query(), exchange.requestHeaders(),
                exchange.requestBody(), exchange.status(), exchange.responseHeaders(), exchange.responseBody());
    }

    /**
     * The contract lets a merge placeholder stand for any value ({@code "length": "{{LEN}}"}), and the
     * edit is valid once merged; so requests are judged with their merge fields applied, as the API does.
     */
    private static ShotstackContract.Exchange withMergeFieldsApplied(ShotstackContract.Exchange exchange) {
        if (exchange.requestBody() == null) {
            return exchange;
        }
        try {
            String merged = Json.write(MergeFields.apply(Json.MAPPER.readTree(exchange.requestBody())));
            return new ShotstackContract.Exchange(exchange.method(), exchange.path(), exchange.query(),
                    exchange.requestHeaders(), merged, exchange.status(), exchange.responseHeaders(),
                    exchange.responseBody());
        } catch (IOException | RuntimeException notAnEdit) {
            return exchange;
        }
    }

    /** The exchange with the template its request or answer carries merged with the template's own merge fields. */
    private static ShotstackContract.Exchange withTemplatesMerged(ShotstackContract.Exchange exchange) {
        return new ShotstackContract.Exchange(exchange.method(), exchange.path(), exchange.query(),
                exchange.requestHeaders(), withTemplateMerged(exchange.requestBody()), exchange.status(),
                exchange.responseHeaders(), withTemplateMerged(exchange.responseBody()));
    }

    /** {@code template} of a request, or {@code response.template} of an answer, merged; other bodies as they are. */
    private static String withTemplateMerged(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            boolean merged = false;
            for (JsonNode holder : new JsonNode[] {tree, tree.path("response")}) {
                if (holder.path("template").isObject() && holder instanceof ObjectNode object) {
                    object.set("template", MergeFields.apply(holder.path("template")));
                    merged = true;
                }
            }
            return merged ? Json.write(tree) : body;
        } catch (IOException | RuntimeException notATemplate) {
            return body;
        }
    }

    /** Whether the value a JSON pointer names in {@code body} is a string holding a merge placeholder. */
    private static Predicate<String> placeholdersIn(String body) {
        JsonNode tree;
        try {
            tree = body == null || body.isEmpty() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return pointer -> false;
        }
        return pointer -> {
            JsonNode value = tree.at(pointer);
            return value.isTextual() && PLACEHOLDER.matcher(value.textValue()).find();
        };
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]+}}");

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("response body is not JSON: " + body, e);
        }
    }

    /** A response as the tests read it. */
    public record ApiResponse(int status, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }
}
