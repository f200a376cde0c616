package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function behind an API Gateway proxy integration. It handles typed events ({@link RequestHandler}: tests call
 * that), and it is a {@link RequestStreamHandler}, which the Lambda Java runtime calls instead: given a class, it
 * prefers that interface; given {@code Class::handleRequest}, as template.yaml names handlers, it takes the method
 * so named with the longest signature, a trailing {@code Context} counting one more, which is this one. The runtime
 * hands it the event's bytes and it reads them with {@link ProxyEventJson}. So the runtime never loads its own
 * serializer (a second Jackson, about 150 ms of a cold start); the function's mapper, which reads every body, reads
 * the event too.
 */
public interface ProxyHandler
        extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, RequestStreamHandler {

    @Override
    default void handleRequest(InputStream event, OutputStream response, Context context) {
        ProxyEventJson.write(handleRequest(ProxyEventJson.read(event), context), response);
    }
}
