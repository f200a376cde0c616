package dev.reelforge.local.template;

import java.util.Map;
import java.util.Optional;

/** A customized gateway response: status, static headers, and body templates by content type. */
public record GatewayResponseDefinition(Optional<Integer> statusCode, Map<String, String> headers,
        Map<String, String> templates) {

    public GatewayResponseDefinition {
        headers = Map.copyOf(headers);
        templates = Map.copyOf(templates);
    }
}
