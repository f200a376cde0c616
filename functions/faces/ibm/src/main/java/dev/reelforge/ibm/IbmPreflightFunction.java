package dev.reelforge.ibm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.ibm.videos.IbmPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code OPTIONS} on every path of the IBM API, without the authorizer: a browser's CORS preflight, answered for the
 * dashboard's origin only ({@link DashboardCors}), allowing the headers the face reads (the bearer token or the
 * client's Basic secret in {@code Authorization}, and a form or JSON {@code Content-Type}). A function for the reason
 * the Shotstack face's {@code PreflightFunction} gives: SAM's mock preflights fail on an API whose every media type is
 * binary.
 */
public final class IbmPreflightFunction implements ProxyHandler {

    /** The request headers the IBM face reads. */
    static final String ALLOWED_HEADERS = "Authorization,Content-Type";

    public IbmPreflightFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Nothing to wire: what it allows comes with each request (the stage variable). */
    public IbmPreflightFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> DashboardCors.preflight(event, ALLOWED_HEADERS));
    }
}
