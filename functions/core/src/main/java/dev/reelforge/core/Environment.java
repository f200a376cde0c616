package dev.reelforge.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The API environment named by the {@code {version}} path segment: {@code stage} is the sandbox (its
 * outputs carry a watermark), {@code v1} is production. API keys belong to exactly one environment.
 */
public enum Environment {
    STAGE("stage"),
    V1("v1");

    private final String pathName;

    Environment(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }

    public static Optional<Environment> fromPathName(String name) {
        return Arrays.stream(values()).filter(environment -> environment.pathName.equals(name)).findFirst();
    }
}
