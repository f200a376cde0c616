package dev.reelforge.local.ibm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IBM's API of an embedded stack, over HTTP, for tests: tokens taken through the real {@code POST /oauth2/token}
 * (with local.json's development clients, or another owner's made as the development account is), and requests
 * with {@code Authorization: Bearer}.
 *
 * <pre>{@code
 * String token = IbmHttp.accessToken(stack, Environment.STAGE);
 * IbmHttp.Response video = IbmHttp.get(stack, "/videos/" + id + ".json", token);
 * IbmHttp.Owner other = IbmHttp.anotherOwner(stack);
 * String othersToken = IbmHttp.accessToken(stack, other, Environment.STAGE);
 * }</pre>
 */
public final class IbmHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private IbmHttp() {}

    /** An answer: status, headers (names in lower case), body as text and as JSON (missing when not JSON). */
    public record Response(int status, Map<String, List<String>> headers, String text) {

        public JsonNode body() {
            try {
                return text.isEmpty() ? MissingNode.getInstance() : Json.MAPPER.readTree(text);
            } catch (IOException notJson) {
                return MissingNode.getInstance();
            }
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                    .filter(values -> !values.isEmpty()).map(List::getFirst);
        }
    }

    /** An owner other than the development account, with its own IBM client and API key per environment. */
    public record Owner(String owner, Map<Environment, Client> clients, Map<Environment, String> apiKeys) {

        public Client client(Environment environment) {
            return clients.get(environment);
        }

        /** Its Shotstack face's key ({@code x-api-key}) for {@code environment}. */
        public String apiKey(Environment environment) {
            return apiKeys.get(environment);
        }
    }

    public record Client(String clientId, String clientSecret) {}

    /** The pair {@code POST /oauth2/token} answered. */
    public record Tokens(String accessToken, String refreshToken) {}

    /** A fresh access token of the development account's client for {@code environment} (from local.json). */
    public static String accessToken(LocalStack stack, Environment environment) {
        return tokens(stack, developmentClient(stack, environment)).accessToken();
    }

    /** A fresh access token of another owner's client. */
    public static String accessToken(LocalStack stack, Owner owner, Environment environment) {
        return tokens(stack, owner.client(environment)).accessToken();
    }

    /** The development account's client for {@code environment}, as local.json shows it. */
    public static Client developmentClient(LocalStack stack, Environment environment) {
        LocalDescriptor.IbmClient client = stack.descriptor().ibmClient(environment)
                .orElseThrow(() -> new IllegalStateException("local.json has no IBM client for " + environment));
        return new Client(client.clientId(), client.clientSecret());
    }

    /** A new owner whose clients may all manage expiration, made as the development account is. */
    public static Owner anotherOwner(LocalStack stack) {
        return anotherOwner(stack, EnumSet.allOf(Environment.class));
    }

    /** A new owner whose clients may manage expiration only in {@code expirationManagedIn}. */
    public static Owner anotherOwner(LocalStack stack, Set<Environment> expirationManagedIn) {
        CreatedAccount account = new CreateAccount(
                new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                stack.clock(), new SecureRandom()).create(new CreateAccountCommand(expirationManagedIn));
        Map<Environment, Client> clients = new LinkedHashMap<>();
        account.ibmClients().forEach((environment, client) ->
                clients.put(environment, new Client(client.clientId(), client.secret().value())));
        Map<Environment, String> apiKeys = new LinkedHashMap<>();
        account.apiKeys().forEach((environment, key) -> apiKeys.put(environment, key.value()));
        return new Owner(account.owner(), clients, apiKeys);
    }

    /**
     * {@code grant_type=client_credentials} as IBM's clients send it ({@code Authorization: Basic <secret>},
     * {@code client_id} in the form); fails unless answered 200.
     */
    public static Tokens tokens(LocalStack stack, Client client) {
        Response response = post(stack, "/oauth2/token", Map.of("Authorization", "Basic " + client.clientSecret()),
                form(Map.of("grant_type", "client_credentials", "client_id", client.clientId())));
        if (response.status() != 200) {
            throw new IllegalStateException("POST /oauth2/token answered " + response.status() + ": "
                    + response.text());
        }
        return new Tokens(response.body().path("access_token").asText(),
                response.body().path("refresh_token").asText());
    }

    /** {@code application/x-www-form-urlencoded} of the fields, in their order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Response get(LocalStack stack, String path, String accessToken) {
        return send(stack, "GET", path, bearer(accessToken), Optional.empty());
    }

    /** A GET with the bearer token to another gateway than the stack's ({@link IbmGateway}). */
    public static Response get(URI api, String path, String accessToken) {
        return send(api, "GET", path, bearer(accessToken), Optional.empty());
    }

    public static Response delete(LocalStack stack, String path, String accessToken) {
        return send(stack, "DELETE", path, bearer(accessToken), Optional.empty());
    }

    /** A form-encoded PUT with the bearer token. */
    public static Response put(LocalStack stack, String path, String accessToken, String formBody) {
        return send(stack, "PUT", path, withFormType(bearer(accessToken)), Optional.of(formBody));
    }

    /** A form-encoded POST with the bearer token (an empty body for the downloadable routes). */
    public static Response post(LocalStack stack, String path, String accessToken, String formBody) {
        return send(stack, "POST", path, withFormType(bearer(accessToken)), Optional.of(formBody));
    }

    /** A form-encoded POST with the given headers (the token endpoints). */
    public static Response post(LocalStack stack, String path, Map<String, String> headers, String formBody) {
        return send(stack, "POST", path, withFormType(headers), Optional.of(formBody));
    }

    /** Any request, exactly as given (no Content-Type added). */
    public static Response send(LocalStack stack, String method, String path, Map<String, String> headers,
            Optional<String> body) {
        return send(stack.apiUrl(), method, path, headers, body);
    }

    /** Any request to the gateway at {@code api}, exactly as given (no Content-Type added). */
    public static Response send(URI api, String method, String path, Map<String, String> headers,
            Optional<String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .method(method, body.map(text -> HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> lowerCase = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) ->
                    lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return new Response(response.statusCode(), lowerCase, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String accessToken) {
        return Map.of("Authorization", "Bearer " + accessToken);
    }

    private static Map<String, String> withFormType(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        return all;
    }
}
