package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.edit.ShotstackPriming;

/**
 * {@code OPTIONS} on every path of the Shotstack API, without the authorizer: a browser's CORS preflight, answered
 * for the dashboard's origin only ({@link DashboardCors}). A function rather than SAM's {@code Cors}: SAM's OPTIONS
 * methods are mock integrations, which fail with API Gateway's 500 (API_CONFIGURATION_ERROR) when, as here, every
 * media type is binary (aws/serverless-application-model#1344, #553: their content handling cannot be set).
 */
public final class PreflightFunction implements ProxyHandler {

    /** The request headers the Shotstack face reads. */
    static final String ALLOWED_HEADERS = "Content-Type,x-api-key,Idempotency-Key";

    public PreflightFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Nothing to wire: what it allows comes with each request (the stage variable). */
    public PreflightFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> DashboardCors.preflight(event, ALLOWED_HEADERS));
    }
}
