package dev.reelforge.local.ibm;

import dev.reelforge.local.LocalStack;
import dev.reelforge.local.apigateway.ApiGatewayEmulator;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.ApiEventDefinition;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second API Gateway emulator over a running stack's functions, serving template.yaml's APIs (their gateway
 * responses and authorizers, the stack's clock for the authorizer cache) plus one test-only route of IBM's API,
 * {@value #PROBE_PATH} ({@link CallerProbeFunction}), behind the template's bearer-token authorizer.
 */
public final class IbmGateway {

    public static final String PROBE_PATH = "/users/self/caller-probe.json";

    private IbmGateway() {}

    public static ApiGatewayEmulator start(LocalStack stack) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        stack.template().functions().forEach(definition ->
                functions.put(definition.logicalId(), stack.function(definition.logicalId())));
        FunctionDefinition probe = new FunctionDefinition("CallerProbeFunction", "caller-probe",
                CallerProbeFunction.class.getName(), "test", Duration.ofSeconds(10), 256, Map.of(),
                List.of(new ApiEventDefinition("IbmApi", "GET", PROBE_PATH, null)));
        functions.put(probe.logicalId(), LocalFunction.initialize(probe, Map.of(), "arn:aws:lambda:test:probe",
                stack.clock(), line -> {}));
        return ApiGatewayEmulator.start(stack.template().apis(), functions, StackIdentity.LOCAL, 0, stack.clock(),
                line -> {});
    }
}
