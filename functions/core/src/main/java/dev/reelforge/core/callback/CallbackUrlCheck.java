package dev.reelforge.core.callback;

import java.net.URI;
import java.util.Optional;

/**
 * Checks a callback URL when a render is submitted, so that one no delivery could reach is refused at once
 * (400 naming {@code callback}) rather than dead-lettered later. The sender checks the address again at
 * every attempt: names can change what they resolve to.
 */
public interface CallbackUrlCheck {

    /** Why the URL is refused, or empty when it is acceptable. */
    Optional<String> refusal(URI url);
}
