package dev.reelforge.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input that gives up at a deadline: before each read the socket's timeout is set to the time left,
 * so a server that sends a byte now and then cannot stretch an exchange past it.
 */
final class DeadlineInputStream extends InputStream {

    private final InputStream in;
    private final Socket socket;
    private final long deadlineNanos;

    DeadlineInputStream(InputStream in, Socket socket, long deadlineNanos) {
        this.in = in;
        this.socket = socket;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        return in.read(buffer, offset, length);
    }

    private void arm() throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
