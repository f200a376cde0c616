package dev.reelforge.local.s3;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A test function subscribed to S3 events: keeps every event it is invoked with, as the Java runtime hands it to
 * a {@code RequestHandler<S3Event, ?>}.
 */
public final class RecordingS3EventHandler implements RequestHandler<S3Event, Void> {

    public static final BlockingQueue<S3Event> DELIVERED = new LinkedBlockingQueue<>();

    public RecordingS3EventHandler() {}

    public RecordingS3EventHandler(FunctionEnvironment environment) {}

    @Override
    public Void handleRequest(S3Event event, Context context) {
        DELIVERED.add(event);
        return null;
    }
}
