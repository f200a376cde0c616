package dev.reelforge.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the local AWS services listen, by the names local.json uses ({@code dynamodb}, {@code s3}, ...). */
public record ServiceEndpoints(URI dynamoDb, URI s3, URI mediaConvert) {

    public Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("dynamodb", dynamoDb);
        services.put("s3", s3);
        services.put("mediaconvert", mediaConvert);
        return services;
    }

    public static ServiceEndpoints fromNames(Map<String, URI> services) {
        return new ServiceEndpoints(services.get("dynamodb"), services.get("s3"), services.get("mediaconvert"));
    }
}
