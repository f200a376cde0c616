package dev.reelforge.local.picovico;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picovico's API of an embedded stack, over HTTP, for tests, every answer held to the face's contract
 * ({@link PicovicoContract}, {@code contracts/picovico/}): access pairs taken through the real
 * {@code POST /login/app} (with local.json's development apps, or another owner's made as the development account
 * is), and requests with {@code X-Access-Key} and {@code X-Access-Token}.
 *
 * <pre>{@code
 * PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);
 * PicovicoHttp.Response me = PicovicoHttp.get(stack, "/me", pair);
 * PicovicoHttp.Owner other = PicovicoHttp.anotherOwner(stack);
 * PicovicoHttp.Pair othersPair = PicovicoHttp.logIn(stack, other.app(Environment.STAGE));
 * }</pre>
 */
public final class PicovicoHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PicovicoHttp() {}

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
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
                    .filter(values -> !values.isEmpty()).map(List::getFirst);
        }

        /** Picovico's error message ({@code error.message}), empty when the answer is not an error envelope. */
        public String errorMessage() {
            return body().path("error").path("message").asText("");
        }
    }

    /** A Picovico app's credentials. */
    public record App(String appId, String appSecret) {}

    /** What {@code POST /login/app} answered: the pair and the user id. */
    public record Pair(String accessKey, String accessToken, String userId) {}

    /** An owner other than the development account, with its own app per environment. */
    public record Owner(String owner, Map<Environment, App> apps) {

        public App app(Environment environment) {
            return apps.get(environment);
        }
    }

    /** The development account's app for {@code environment}, as local.json shows it. */
    public static App developmentApp(LocalStack stack, Environment environment) {
        LocalDescriptor.PicovicoApp app = stack.descriptor().picovicoApp(environment)
                .orElseThrow(() -> new IllegalStateException("local.json has no Picovico app for " + environment));
        return new App(app.appId(), app.appSecret());
    }

    /** A fresh pair of the development account's app for {@code environment}. */
    public static Pair logIn(LocalStack stack, Environment environment) {
        return logIn(stack, developmentApp(stack, environment));
    }

    /** A fresh pair of the app, logged in as the SDKs do (form-encoded); fails unless answered 200. */
    public static Pair logIn(LocalStack stack, App app) {
        Response response = send(stack, "POST", "/login/app",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                Optional.of(form(Map.of("app_id", app.appId(), "app_secret", app.appSecret()))));
        if (response.status() != 200) {
            throw new IllegalStateException("POST /login/app answered " + response.status() + ": " + response.text());
        }
        return new Pair(response.body().path("access_key").asText(), response.body().path("access_token").asText(),
                response.body().path("id").asText());
    }

    /** A new owner, made as the development account is (its apps, its opening credits). */
    public static Owner anotherOwner(LocalStack stack) {
        CreatedAccount account = new CreateAccount(
                new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                stack.clock(), new SecureRandom()).create(new CreateAccountCommand());
        Map<Environment, App> apps = new LinkedHashMap<>();
        account.picovicoApps().forEach((environment, app) ->
                apps.put(environment, new App(app.appId(), app.secret().value())));
        return new Owner(account.owner(), apps);
    }

    /** {@code application/x-www-form-urlencoded} of the fields, in their order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Response get(LocalStack stack, String path, Pair pair) {
        return send(stack, "GET", path, headers(pair), Optional.empty());
    }

    public static Response delete(LocalStack stack, String path, Pair pair) {
        return send(stack, "DELETE", path, headers(pair), Optional.empty());
    }

    /** A form-encoded POST with the pair, as the SDKs send their fields. */
    public static Response post(LocalStack stack, String path, Pair pair, String formBody) {
        Map<String, String> headers = new LinkedHashMap<>(headers(pair));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return send(stack, "POST", path, headers, Optional.of(formBody));
    }

    /** A PUT of raw bytes' worth of text with the pair and the given Content-Type. */
    public static Response put(LocalStack stack, String path, Pair pair, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>(headers(pair));
        headers.put("Content-Type", contentType);
        return send(stack, "PUT", path, headers, Optional.of(body));
    }

    /** Any request, exactly as given (no header added). */
    public static Response send(LocalStack stack, String method, String path, Map<String, String> headers,
            Optional<String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .method(method, body.map(text -> HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> lowerCase = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
            Response answer = new Response(response.statusCode(), lowerCase, response.body());
            PicovicoContract.shipped().check(method, path, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(Pair pair) {
        return Map.of("X-Access-Key", pair.accessKey(), "X-Access-Token", pair.accessToken());
    }
}
