package dev.reelforge.picovico.auth;

import dev.reelforge.core.appauth.AppSecret;
import dev.reelforge.core.appauth.LogInAppCommand;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code POST /login/app}: {@code app_id} and {@code app_secret} (required), {@code device_id} (optional),
 * form-encoded as Picovico's SDKs send them or as a JSON object. Other fields are ignored: SDKs of different ages
 * send different extras.
 */
final class LoginRequest {

    /** A login is three short fields. */
    static final int MAX_BODY_BYTES = 4096;
    /** Longer than any device id an SDK makes (a hash or a UUID), with room. */
    static final int MAX_DEVICE_ID_LENGTH = 200;

    private LoginRequest() {}

    static Parsed<LogInAppCommand> read(PicovicoRequest request) {
        return request.fields(MAX_BODY_BYTES).flatMap(fields -> required(fields, "app_id")
                .flatMap(appId -> required(fields, "app_secret")
                        .flatMap(secret -> deviceId(fields)
                                .map(deviceId -> new LogInAppCommand(appId, new AppSecret(secret), deviceId)))));
    }

    private static Parsed<Optional<String>> deviceId(Map<String, String> fields) {
        Optional<String> deviceId = Optional.ofNullable(fields.get("device_id")).filter(value -> !value.isEmpty());
        if (deviceId.isPresent() && deviceId.get().length() > MAX_DEVICE_ID_LENGTH) {
            return Parsed.rejected(PicovicoError.badRequest(
                    "the device_id field must be at most " + MAX_DEVICE_ID_LENGTH + " characters"));
        }
        return Parsed.ok(deviceId);
    }

    private static Parsed<String> required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty()
                ? Parsed.rejected(PicovicoError.badRequest("the " + name + " field is required"))
                : Parsed.ok(value);
    }
}
