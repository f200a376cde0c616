package dev.reelforge.aws.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * A function's environment variables, read once at init. A missing or malformed setting fails the init
 * with {@link MissingConfigurationException}, so a misconfigured function never serves a request.
 */
public final class EnvironmentVariables {

    private final Map<String, String> variables;

    public EnvironmentVariables(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
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
}
