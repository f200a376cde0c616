package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The absolute base of the links IBM's answers carry ({@code links.channel.href}, {@code paging}), from what API
 * Gateway itself put in the request context, never from a header the client sent: the domain the request came
 * through and, on an {@code execute-api} domain, the stage in front of every path. API Gateway serves HTTPS only;
 * only the embedded stack, on loopback, serves plain HTTP. A context without a well-formed domain gives paths
 * without a base.
 */
final class ApiLinks {

    private static final Pattern DOMAIN = Pattern.compile("^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$");
    private static final Pattern STAGE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

    private ApiLinks() {}

    static String base(APIGatewayProxyRequestEvent event) {
        Optional<APIGatewayProxyRequestEvent.ProxyRequestContext> context = Optional.ofNullable(
                event.getRequestContext());
        Optional<String> domain = context.map(APIGatewayProxyRequestEvent.ProxyRequestContext::getDomainName)
                .filter(name -> DOMAIN.matcher(name).matches());
        if (domain.isEmpty()) {
            return "";
        }
        String host = domain.get().split(":", 2)[0];
        String scheme = host.equals("127.0.0.1") || host.equals("localhost") ? "http" : "https";
        String stage = domain.get().contains(".execute-api.")
                ? context.map(APIGatewayProxyRequestEvent.ProxyRequestContext::getStage)
                        .filter(name -> STAGE.matcher(name).matches()).map(name -> "/" + name).orElse("")
                : "";
        return scheme + "://" + domain.get() + stage;
    }
}
