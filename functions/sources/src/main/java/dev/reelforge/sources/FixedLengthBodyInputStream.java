package dev.reelforge.sources;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body framed by Content-Length: ends after that many bytes; an earlier end of stream is an error. */
final class FixedLengthBodyInputStream extends InputStream {

    private final InputStream in;
    private long remaining;

    FixedLengthBodyInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new EOFException("the body ended " + remaining + " bytes short of its Content-Length");
        }
        remaining -= read;
        return read;
    }
}
