package dev.reelforge.sources;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body in HTTP/1.1 chunked transfer coding, decoded; trailer fields are read and ignored. */
final class ChunkedBodyInputStream extends InputStream {

    private static final int MAX_TRAILERS = 16 * 1024;

    private final InputStream in;
    private long remainingInChunk;
    private boolean finished;

    ChunkedBodyInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                finished = true;
                return -1;
            }
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (read < 0) {
            throw new EOFException("the body ended inside a chunk");
        }
        remainingInChunk -= read;
        if (remainingInChunk == 0) {
            String end = HttpResponseHead.line(in, new int[] {2});
            if (end == null) {
                throw new EOFException("the body ended after a chunk");
            }
            if (!end.isEmpty()) {
                throw new MalformedResponseException("a chunk is longer than its size");
            }
        }
        return read;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpResponseHead.line(in, new int[] {4096});
        if (line == null) {
            throw new EOFException("the body ended before its last chunk");
        }
        int extension = line.indexOf(';');
        String size = (extension < 0 ? line : line.substring(0, extension)).strip();
        if (!size.matches("[0-9A-Fa-f]{1,15}")) {
            throw new MalformedResponseException("invalid chunk size");
        }
        return Long.parseLong(size, 16);
    }

    private void skipTrailers() throws IOException {
        int[] budget = {MAX_TRAILERS};
        while (true) {
            String line = HttpResponseHead.line(in, budget);
            if (line == null) {
                throw new EOFException("the body ended inside its trailer");
            }
            if (line.isEmpty()) {
                return;
            }
        }
    }
}
