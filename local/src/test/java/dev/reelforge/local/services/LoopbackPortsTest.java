package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LoopbackPortsTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void stablePortsLieBelowTheKernelsEphemeralRange() throws IOException {
        int ephemeralLow;
        try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            ephemeralLow = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        }

        for (int draw = 0; draw < 100; draw++) {
            assertThat(LoopbackPorts.stable()).isBetween(20_000, ephemeralLow - 1);
        }
    }
}
