package dev.reelforge.local.cloudfront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.services.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback port of each distribution, chosen once per data directory and kept in
 * {@code DATA_DIR/cloudfront/ports.json}: a distribution's domain name ({@code 127.0.0.1:port}) is part of the URLs
 * stored with renders and assets, so it must not change across restarts.
 */
public final class DistributionPorts {

    private DistributionPorts() {}

    /** The port of each distribution, by logical id; those without one yet get a free port, kept from now on. */
    public static Map<String, Integer> assign(Path dataDirectory, List<String> logicalIds) {
        Path file = dataDirectory.resolve("cloudfront").resolve("ports.json");
        Map<String, Integer> ports = new LinkedHashMap<>(read(file));
        ports.values().forEach(LoopbackPorts::reserve);
        boolean changed = false;
        for (String logicalId : logicalIds) {
            if (!ports.containsKey(logicalId)) {
                ports.put(logicalId, LoopbackPorts.stable());
                changed = true;
            }
        }
        if (changed) {
            write(file, ports);
        }
        Map<String, Integer> assigned = new LinkedHashMap<>();
        logicalIds.forEach(logicalId -> assigned.put(logicalId, ports.get(logicalId)));
        return assigned;
    }

    private static Map<String, Integer> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Integer> ports = new LinkedHashMap<>();
            json.properties().forEach(entry -> ports.put(entry.getKey(), entry.getValue().asInt()));
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the distributions' ports)", e);
        }
    }

    private static void write(Path file, Map<String, Integer> ports) {
        ObjectNode json = Json.object();
        ports.forEach(json::put);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
