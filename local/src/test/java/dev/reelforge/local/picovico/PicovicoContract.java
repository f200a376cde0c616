package dev.reelforge.local.picovico;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Picovico face's contract, {@code contracts/picovico/}: {@code picovico.schema.json} (a JSON Schema, draft
 * 2020-12, one definition per response body) and {@code routes.json} (which definition each route answers, by
 * status). {@link #check} holds one exchange to it; {@link PicovicoHttp} checks every response it receives, so every
 * Picovico IT is a contract test too. A 2xx or 3xx of a route or status the contract does not list fails loudly, as
 * does an error envelope whose {@code error.status} is not the HTTP status.
 */
public final class PicovicoContract {

    private static final String SCHEMA_ID = "https://reelforge.dev/contracts/picovico/picovico.schema.json";
    private static final String ERROR = "Error";
    private static final String RENDER_REFUSAL = "RenderRefusal";

    /** A route template ({@code GET /me/videos/{id}}) and what it answers by status ({@code "200"}, {@code "4XX"}). */
    private record Route(String method, List<String> segments, Map<String, Optional<String>> answers) {

        boolean matches(String method, List<String> path) {
            if (!this.method.equals(method) || segments.size() != path.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (!(segment.startsWith("{") ? !path.get(i).isEmpty() : segment.equals(path.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        String template() {
            return method + " /" + String.join("/", segments);
        }
    }

    private static final PicovicoContract SHIPPED = load(ProjectFiles.root().resolve("contracts/picovico"));

    private final SchemaRegistry registry;
    private final List<Route> routes;
    private final Map<String, Schema> definitions = new ConcurrentHashMap<>();

    private PicovicoContract(SchemaRegistry registry, List<Route> routes) {
        this.registry = registry;
        this.routes = routes;
    }

    /** The contract as the repository has it. */
    public static PicovicoContract shipped() {
        return SHIPPED;
    }

    static PicovicoContract load(Path directory) {
        try {
            String schema = Files.readString(directory.resolve("picovico.schema.json"), StandardCharsets.UTF_8);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemas(Map.of(SCHEMA_ID, schema)));
            JsonNode table = Json.MAPPER.readTree(Files.readString(directory.resolve("routes.json"),
                    StandardCharsets.UTF_8)).path("routes");
            List<Route> routes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> entries = table.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String[] methodAndPath = entry.getKey().split(" ", 2);
                Map<String, Optional<String>> answers = new LinkedHashMap<>();
                entry.getValue().fields().forEachRemaining(answer -> answers.put(answer.getKey(),
                        answer.getValue().isNull() ? Optional.empty() : Optional.of(answer.getValue().asText())));
                routes.add(new Route(methodAndPath[0], segments(methodAndPath[1]), answers));
            }
            return new PicovicoContract(registry, List.copyOf(routes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Picovico contract in " + directory, e);
        }
    }

    /**
     * Holds one answer to the contract.
     *
     * @param path the request's path, with or without its query
     * @throws AssertionError naming the route, the status and what does not match
     */
    public void check(String method, String path, PicovicoHttp.Response response) {
        List<String> segments = segments(path.split("\\?", 2)[0]);
        Optional<Route> route = routes.stream().filter(candidate -> candidate.matches(method, segments)).findFirst();
        String exchange = method + " " + path + " answered " + response.status();
        int status = response.status();
        Optional<String> definition;
        String statusClass = (status / 100) + "XX";
        if (route.isPresent() && route.get().answers().containsKey(String.valueOf(status))) {
            definition = route.get().answers().get(String.valueOf(status));
        } else if (route.isPresent() && route.get().answers().containsKey(statusClass)) {
            definition = route.get().answers().get(statusClass);
        } else if (status >= 400) {
            definition = Optional.of(ERROR);
        } else {
            throw new AssertionError("the Picovico contract has no schema for " + exchange + " ("
                    + route.map(Route::template).map(template -> "route " + template + " lists "
                    + route.get().answers().keySet()).orElse("no route matches") + "): add it to contracts/picovico/");
        }
        if (definition.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.text());
        } catch (IOException notJson) {
            throw new AssertionError(exchange + " with a body that is not JSON: " + excerpt(response.text()));
        }
        if (body == null || body.isMissingNode()) {
            throw new AssertionError(exchange + " with no body; the contract expects " + definition.get());
        }
        List<String> problems = validate(definition.get(), body);
        if (problems.isEmpty() && body.has("error")) {
            int carried = body.path("error").path("status").asInt();
            boolean renderCode = definition.get().equals(RENDER_REFUSAL) && carried >= 7401 && carried <= 7405;
            if (carried != status && !renderCode) {
                problems.add("error.status is " + carried + ", not the HTTP status " + status);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(exchange + " does not match " + definition.get() + " of the Picovico contract:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + excerpt(response.text()));
        }
    }

    /** Every route the contract lists, as {@code METHOD /path/{param}}. */
    public java.util.Set<String> routeTemplates() {
        return routes.stream().map(Route::template).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The problems of {@code body} as the definition {@code name} of picovico.schema.json; empty when it matches. */
    public List<String> validate(String name, JsonNode body) {
        Schema schema = definitions.computeIfAbsent(name,
                key -> registry.getSchema(SchemaLocation.of(SCHEMA_ID + "#/$defs/" + key)));
        return schema.validate(body).stream().map(Error::toString).collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.getFirst().isEmpty()) {
            segments.removeFirst();
        }
        return segments;
    }

    private static String excerpt(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
