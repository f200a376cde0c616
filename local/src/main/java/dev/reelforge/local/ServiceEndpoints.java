package dev.reelforge.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local AWS services listen, by the names local.json uses ({@code dynamodb}, {@code s3}, ...), and where
 * each CloudFront distribution serves, by logical id (named in local.json as {@link #DISTRIBUTION_NAMES} says).
 */
public record ServiceEndpoints(URI dynamoDb, URI s3, URI mediaConvert, URI cloudFront, URI secretsManager,
        URI sqs, Map<String, URI> distributions) {

    /** local.json's names of the distributions of template.yaml; any other goes by its logical id. */
    static final Map<String, String> DISTRIBUTION_NAMES = Map.of("HostingDistribution", "cdn",
            "TempDistribution", "temporaryCdn", "DashboardDistribution", "dashboard");
    private static final List<String> SERVICE_NAMES = List.of("dynamodb", "s3", "mediaconvert", "cloudfront",
            "secretsmanager", "sqs");

    public ServiceEndpoints {
        distributions = Map.copyOf(distributions);
    }

    public Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("dynamodb", dynamoDb);
        services.put("s3", s3);
        services.put("mediaconvert", mediaConvert);
        services.put("cloudfront", cloudFront);
        services.put("secretsmanager", secretsManager);
        services.put("sqs", sqs);
        distributions.forEach((logicalId, url) -> services.put(DISTRIBUTION_NAMES.getOrDefault(logicalId, logicalId), url));
        return services;
    }

    public static ServiceEndpoints fromNames(Map<String, URI> services) {
        Map<String, URI> distributions = new LinkedHashMap<>();
        services.forEach((name, url) -> {
            if (!SERVICE_NAMES.contains(name) && !name.equals(LocalStack.CONTROL_SERVICE)) {
                String logicalId = DISTRIBUTION_NAMES.entrySet().stream().filter(entry -> entry.getValue().equals(name))
                        .map(Map.Entry::getKey).findFirst().orElse(name);
                distributions.put(logicalId, url);
            }
        });
        return new ServiceEndpoints(services.get("dynamodb"), services.get("s3"), services.get("mediaconvert"),
                services.get("cloudfront"), services.get("secretsmanager"), services.get("sqs"), distributions);
    }
}
