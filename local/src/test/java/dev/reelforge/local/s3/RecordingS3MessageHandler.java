package dev.reelforge.local.s3;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A test function subscribed to S3 events: keeps every event message it is invoked with, as plain JSON values. */
public final class RecordingS3MessageHandler implements RequestHandler<Map<String, Object>, Void> {

    public static final BlockingQueue<Map<String, Object>> DELIVERED = new LinkedBlockingQueue<>();

    public RecordingS3MessageHandler() {}

    public RecordingS3MessageHandler(FunctionEnvironment environment) {}

    @Override
    public Void handleRequest(Map<String, Object> message, Context context) {
        DELIVERED.add(message);
        return null;
    }
}
