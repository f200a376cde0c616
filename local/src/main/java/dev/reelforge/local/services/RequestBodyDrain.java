package dev.reelforge.local.services;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads to its end what S3Proxy left unread of an accepted request's body, before the answer goes out, so the
 * connection stays open for the client's next request.
 *
 * <p>S3Proxy 4.1.0 reads an {@code aws-chunked} upload (every AWS SDK v2 PutObject and UploadPart: the body
 * framed in signed chunks with a trailing checksum) only up to its decoded length: {@code handlePutBlob} hands
 * the store {@code ByteStreams.limit(chunkedStream, x-amz-decoded-content-length)}, so the final zero-length chunk
 * and the trailer ({@code x-amz-checksum-crc32:...}, {@code x-amz-trailer-signature:...}) stay unread. When the
 * request ends, Jetty reads what has arrived of them ({@code HttpStream.consumeAvailable}); if the client has not
 * yet sent all of it (the SDK writes the trailer in small pieces after the data), Jetty cannot keep the
 * connection ({@code HttpGenerator.setPersistent(false)}), answers and closes it. The client, still writing the
 * trailer, is reset, loses the answer to a PUT that was stored, and retries it: a second write, announced by a
 * second ObjectCreated event.
 *
 * <p>Only after a 2xx: a refused request's body may be large and is not the client's to finish (Jetty closes that
 * connection, as S3 may). At most {@link #MOST_BYTES} are read; what a client sends beyond that, after an accepted
 * request, is not framing, and its connection is closed as before.
 */
final class RequestBodyDrain implements Filter {

    /** Far more than the final chunk and trailers of an {@code aws-chunked} body, which take a few hundred bytes. */
    static final int MOST_BYTES = 64 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (response instanceof HttpServletResponse http && http.getStatus() / 100 == 2) {
            readRest(request.getInputStream());
        }
    }

    private static void readRest(InputStream body) {
        byte[] buffer = new byte[8192];
        int left = MOST_BYTES;
        try {
            int read;
            while (left > 0 && (read = body.read(buffer, 0, Math.min(buffer.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException clientGone) {
            // The request was answered; Jetty closes a connection whose body ended early, as without this filter.
        }
    }
}
