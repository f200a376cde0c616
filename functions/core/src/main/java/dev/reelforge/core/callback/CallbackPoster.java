package dev.reelforge.core.callback;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Sends one callback: a POST of {@code body} to {@code url} with {@code headers}, and what came of it. */
public interface CallbackPoster {

    PostOutcome post(URI url, Map<String, String> headers, String body);

    sealed interface PostOutcome {

        /** The receiver answered (any status, redirects included: they are not followed). */
        record Answered(int status, Optional<RetryAfter> retryAfter) implements PostOutcome {}

        /** No answer: not resolvable, not reachable, timed out, TLS failed, not HTTP. Worth retrying. */
        record Unreachable(String reason) implements PostOutcome {}

        /** Not sent, and never will be: the address is not a public one, or not http(s). */
        record Refused(String reason) implements PostOutcome {}
    }
}
