package dev.reelforge.sources;

import java.io.IOException;

/** The server's answer is not valid HTTP/1.1 (or uses a part of it this client does not speak). */
final class MalformedResponseException extends IOException {

    MalformedResponseException(String message) {
        super(message);
    }
}
