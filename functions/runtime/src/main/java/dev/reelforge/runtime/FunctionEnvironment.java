package dev.reelforge.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a function reads once, at init: its environment variables and the clock it tells time by. A missing or
 * malformed setting fails the init with {@link MissingConfigurationException}, so a misconfigured function never
 * serves a request. Lambda's no-arg handler constructors use {@link #fromSystem()}; the embedded stack gives each
 * function its own variables and its controllable clock.
 */
public final class FunctionEnvironment {

    private final Map<String, String> variables;
    private final Clock clock;

    /** The clock ticks in whole milliseconds: every time a function stores is read back at that precision. */
    public FunctionEnvironment(Map<String, String> variables, Clock clock) {
        this.variables = Map.copyOf(variables);
        this.clock = Clock.tick(clock, Duration.ofMillis(1));
    }

    /** The process's environment and the system clock, as on Lambda. */
    public static FunctionEnvironment fromSystem() {
        return new FunctionEnvironment(System.getenv(), Clock.systemUTC());
    }

    public Clock clock() {
        return clock;
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(name + " is not set"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public URI requiredUri(String name) {
        return optionalUri(name).orElseThrow(() -> new MissingConfigurationException(name + " is not set"));
    }

    public Optional<URI> optionalUri(String name) {
        return optional(name).map(value -> {
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new MissingConfigurationException(name + " is not a URI: " + value);
            }
        });
    }

    /** An absolute http(s) URL, such as a distribution's. */
    public URI requiredHttpUrl(String name) {
        URI uri = requiredUri(name);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new MissingConfigurationException(name + " is not an http(s) URL: " + uri);
        }
        return uri;
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean requiredFlag(String name) {
        String value = required(name);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MissingConfigurationException(name + " is neither true nor false: " + value);
        };
    }

    /** An ISO-8601 duration such as {@code PT30M}. */
    public Duration requiredDuration(String name) {
        String value = required(name);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new MissingConfigurationException(name + " is not an ISO-8601 duration: " + value);
        }
    }

    public long requiredWholeNumber(String name) {
        String value = required(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MissingConfigurationException(name + " is not a whole number: " + value);
        }
    }

    /** A comma-separated list, blanks dropped; empty when the variable is not set. */
    public Set<String> commaSeparated(String name) {
        return optional(name)
                .map(names -> Arrays.stream(names.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
