package dev.reelforge.local;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** An {@code application/x-www-form-urlencoded} request body, as the faces' SDKs send their fields. */
final class FormBody {

    private FormBody() {}

    /** The fields, in the map's order. */
    static HttpRequest.BodyPublisher of(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
