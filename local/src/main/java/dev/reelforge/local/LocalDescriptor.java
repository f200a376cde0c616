package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DATA_DIR/local.json}: where a running embedded stack listens and the development account's
 * credentials. Scripts and tests read these names:
 * {@code {"apiUrl", "owner", "apiKeys": {"stage", "v1"}, "ibm": {"stage": {"clientId", "clientSecret"}, "v1": {...}},
 * "picovico": {"stage": {"appId", "appSecret"}, "v1": {...}}, "webhookSecret", "services": {"dynamodb", "s3", ...}}}
 * ({@code ibm}: the development account's OAuth clients for IBM's API, one per environment; {@code picovico}: its
 * apps for Picovico's API ({@code POST /login/app}), one per environment;
 * {@code webhookSecret}: what the development account's callbacks are signed with, {@code whsec_...});
 * ({@code control}: the stack's own endpoint, see {@link dev.reelforge.local.control.ControlServer}).
 */
public record LocalDescriptor(URI apiUrl, String owner, Map<Environment, String> apiKeys,
        Map<Environment, IbmClient> ibmClients, Map<Environment, PicovicoApp> picovicoApps, String webhookSecret,
        Map<String, URI> services) {

    public static final String FILE_NAME = "local.json";

    /** An OAuth client of IBM's API, as local.json shows it: the secret in clear (the table has only its hash). */
    public record IbmClient(String clientId, String clientSecret) {}

    /** A Picovico app, as local.json shows it: the secret in clear (the table has only its hash). */
    public record PicovicoApp(String appId, String appSecret) {}

    public LocalDescriptor {
        apiKeys = Map.copyOf(apiKeys);
        ibmClients = Map.copyOf(ibmClients);
        picovicoApps = Map.copyOf(picovicoApps);
        services = Map.copyOf(services);
    }

    /** The development account's IBM client for the environment, when local.json has one. */
    public Optional<IbmClient> ibmClient(Environment environment) {
        return Optional.ofNullable(ibmClients.get(environment));
    }

    /** The development account's Picovico app for the environment, when local.json has one. */
    public Optional<PicovicoApp> picovicoApp(Environment environment) {
        return Optional.ofNullable(picovicoApps.get(environment));
    }

    public String apiKey(Environment environment) {
        return apiKeys.get(environment);
    }

    public void write(Path dataDirectory) {
        ObjectNode json = Json.object().put("apiUrl", apiUrl.toString()).put("owner", owner);
        ObjectNode keys = json.putObject("apiKeys");
        for (Environment environment : Environment.values()) {
            keys.put(environment.pathName(), apiKeys.get(environment));
        }
        ObjectNode ibm = json.putObject("ibm");
        for (Environment environment : Environment.values()) {
            ibmClient(environment).ifPresent(client -> ibm.putObject(environment.pathName())
                    .put("clientId", client.clientId()).put("clientSecret", client.clientSecret()));
        }
        ObjectNode picovico = json.putObject("picovico");
        for (Environment environment : Environment.values()) {
            picovicoApp(environment).ifPresent(app -> picovico.putObject(environment.pathName())
                    .put("appId", app.appId()).put("appSecret", app.appSecret()));
        }
        json.put("webhookSecret", webhookSecret);
        ObjectNode serviceNode = json.putObject("services");
        services.forEach((name, endpoint) -> serviceNode.put(name, endpoint.toString()));
        try {
            Path file = dataDirectory.resolve(FILE_NAME);
            Path partial = dataDirectory.resolve(FILE_NAME + ".partial");
            Files.writeString(partial, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME, e);
        }
    }

    public static Optional<LocalDescriptor> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<Environment, String> keys = new EnumMap<>(Environment.class);
            for (Environment environment : Environment.values()) {
                keys.put(environment, json.path("apiKeys").path(environment.pathName()).asText());
            }
            Map<Environment, IbmClient> ibmClients = new EnumMap<>(Environment.class);
            for (Environment environment : Environment.values()) {
                JsonNode client = json.path("ibm").path(environment.pathName());
                if (client.path("clientId").isTextual() && client.path("clientSecret").isTextual()) {
                    ibmClients.put(environment, new IbmClient(client.path("clientId").asText(),
                            client.path("clientSecret").asText()));
                }
            }
            Map<Environment, PicovicoApp> picovicoApps = new EnumMap<>(Environment.class);
            for (Environment environment : Environment.values()) {
                JsonNode app = json.path("picovico").path(environment.pathName());
                if (app.path("appId").isTextual() && app.path("appSecret").isTextual()) {
                    picovicoApps.put(environment, new PicovicoApp(app.path("appId").asText(),
                            app.path("appSecret").asText()));
                }
            }
            Map<String, URI> services = new LinkedHashMap<>();
            json.path("services").properties().forEach(service ->
                    services.put(service.getKey(), URI.create(service.getValue().asText())));
            return Optional.of(new LocalDescriptor(URI.create(json.path("apiUrl").asText()),
                    json.path("owner").asText(), keys, ibmClients, picovicoApps, json.path("webhookSecret").asText(),
                    services));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
