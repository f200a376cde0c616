package dev.reelforge.local;

import dev.reelforge.local.cloudfront.DistributionPorts;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * template.yaml as a data directory's stack resolves it: with the parameters of its signing key (unless the
 * caller overrides them), each distribution's domain name at its kept loopback port, and the API's CORS origin
 * ({@code DashboardOrigin}) the dashboard distribution's, {@code http://127.0.0.1:<its port>}, unless overridden, and
 * long videos composed whole ({@code RenderChunkSeconds} 0) unless overridden ({@code --chunk-seconds}). Queue URLs name the port the
 * SQS service binds when it starts: see {@link SamTemplate#withQueueEndpoint}.
 */
public final class LocalTemplate {

    /** The template parameter that turns composing long videos in chunks on; 0 (off) here unless overridden. */
    public static final String CHUNK_SECONDS = "RenderChunkSeconds";

    private LocalTemplate() {}

    public static SamTemplate load(Path templateFile, Path dataDirectory, LocalSigningKey signingKey,
            Map<String, String> parameterOverrides) {
        Map<String, String> parameters = new HashMap<>(signingKey.parameterOverrides());
        // one machine composes one render at a time, and streams it into its job faster than chunks stored and joined
        parameters.put(CHUNK_SECONDS, "0");
        parameters.putAll(parameterOverrides);
        SamTemplate template = SamTemplate.load(templateFile, StackIdentity.LOCAL, parameters);
        Map<String, String> domains = new LinkedHashMap<>();
        DistributionPorts.assign(dataDirectory, template.distributionLogicalIds())
                .forEach((logicalId, port) -> domains.put(logicalId, "127.0.0.1:" + port));
        String dashboard = domains.get(DashboardFiles.DISTRIBUTION);
        if (dashboard != null && !parameters.containsKey(LocalStack.DASHBOARD_ORIGIN)) {
            // the pages are served from the dashboard's distribution, and call the API from that origin (CORS)
            parameters.put(LocalStack.DASHBOARD_ORIGIN, "http://" + dashboard);
            template = SamTemplate.load(templateFile, StackIdentity.LOCAL, parameters);
        }
        return template.withDistributionDomains(domains);
    }
}
