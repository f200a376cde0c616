package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.clock.LocalClock;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code reelforge clock [show | advance <ISO-8601 duration>] [--data-dir DIR]}: reads or moves the embedded
 * stack's clock. With a stack running on the data directory, through its control endpoint: the clock moves at
 * once and the lifecycle rules are applied before the command returns. With none, the offset kept in the data
 * directory changes, and the next stack started on it begins there.
 */
final class ClockCommand {

    private static final String USAGE = "usage: reelforge clock [show | advance <ISO-8601 duration, such as PT25H or P2D>]"
            + " [--data-dir DIR]";

    private ClockCommand() {}

    static int run(CommandLine options) throws IOException, InterruptedException {
        return run(options, System.out, System.err);
    }

    static int run(CommandLine options, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String action = options.positional().isEmpty() ? "show" : options.positional().getFirst();
        Optional<Duration> by = Optional.empty();
        if (action.equals("advance")) {
            if (options.positional().size() != 2) {
                err.println(USAGE);
                return 2;
            }
            try {
                by = Optional.of(Duration.parse(options.positional().get(1)));
            } catch (DateTimeParseException e) {
                err.println(options.positional().get(1) + " is not an ISO-8601 duration (PT25H, P2D, PT90M)");
                return 2;
            }
            if (by.get().isNegative()) {
                err.println("the clock only moves forward; " + by.get() + " is negative");
                return 2;
            }
        } else if (!action.equals("show") || options.positional().size() > 1) {
            err.println(USAGE);
            return 2;
        }
        Path dataDirectory = options.dataDirectory();
        Optional<DataDirectoryLock> free = DataDirectoryLock.tryAcquire(dataDirectory);
        if (free.isEmpty()) {
            return onRunningStack(dataDirectory, by, out, err);
        }
        try (DataDirectoryLock held = free.get()) {
            LocalClock clock = LocalClock.open(dataDirectory);
            if (by.isEmpty()) {
                out.println("no stack is running on " + dataDirectory.toAbsolutePath() + "; its clock reads "
                        + clock.instant() + " (real time + " + clock.offset() + ")");
                return 0;
            }
            LocalClock.Advance advance = clock.advance(by.get());
            out.println("no stack is running on " + dataDirectory.toAbsolutePath() + "; its clock's offset is now "
                    + advance.offset() + " (it reads " + advance.now() + "). The next stack started on it begins"
                    + " there and applies the lifecycle rules as it starts.");
            return 0;
        }
    }

    private static int onRunningStack(Path dataDirectory, Optional<Duration> by, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Optional<URI> control = LocalDescriptor.read(dataDirectory)
                .map(descriptor -> descriptor.services().get(LocalStack.CONTROL_SERVICE));
        if (control.isEmpty()) {
            err.println("a stack holds " + dataDirectory.toAbsolutePath() + " but its local.json names no control"
                    + " endpoint (a stack from before the clock command? restart it)");
            return 1;
        }
        HttpRequest request = by.isEmpty()
                ? HttpRequest.newBuilder(control.get().resolve("/clock")).GET().build()
                : HttpRequest.newBuilder(control.get().resolve("/clock/advance"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("by", by.get().toString()))))
                        .build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        JsonNode answer = Json.MAPPER.readTree(response.body());
        if (response.statusCode() != 200) {
            err.println("the stack refused: " + answer.path("message").asText(response.body()));
            return 1;
        }
        if (by.isEmpty()) {
            out.println("the stack on " + dataDirectory.toAbsolutePath() + " reads " + answer.path("now").asText()
                    + " (real time + " + answer.path("offset").asText() + ")");
            return 0;
        }
        out.println("advanced the stack's clock by " + by.get() + ": it reads " + answer.path("now").asText()
                + " (real time + " + answer.path("offset").asText() + ")");
        JsonNode effects = answer.path("effects");
        if (effects.isEmpty()) {
            out.println("lifecycle rules: nothing was due");
        }
        effects.forEach(effect -> out.println("lifecycle rules: " + effect.asText()));
        return 0;
    }
}
