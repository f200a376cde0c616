package dev.reelforge.local.services;

import java.net.URI;

/** A local counterpart of an AWS service, listening on loopback. */
public interface LocalService extends AutoCloseable {

    /** Where the service listens, as the SDK's endpoint override expects it. */
    URI endpoint();

    /** Stops the service; its data stays on disk. */
    @Override
    void close();
}
