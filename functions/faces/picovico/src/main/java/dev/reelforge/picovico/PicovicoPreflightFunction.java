package dev.reelforge.picovico;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code OPTIONS} on every path of the Picovico API, without the authorizer: a browser's CORS preflight, answered for
 * the dashboard's origin only ({@link DashboardCors}), allowing the headers the face reads (the access pair and a
 * form, JSON or file {@code Content-Type}). A function for the reason the Shotstack face's {@code PreflightFunction}
 * gives: SAM's mock preflights fail on an API whose every media type is binary.
 */
public final class PicovicoPreflightFunction implements ProxyHandler {

    /** The request headers the Picovico face reads. */
    static final String ALLOWED_HEADERS = "Content-Type,X-Access-Key,X-Access-Token";

    public PicovicoPreflightFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    /** Nothing to wire: what it allows comes with each request (the stage variable). */
    public PicovicoPreflightFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> DashboardCors.preflight(event, ALLOWED_HEADERS));
    }
}
