package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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

    @Test
    void stableNeverHandsOutOnePortTwiceInAProcess() {
        // 1,000 random draws from ~12,700 ports would repeat one about 40 times; a repeat gave DynamoDB Local
        // the port a distribution had been promised, and the distribution could not bind it.
        Set<Integer> drawn = new HashSet<>();
        for (int draw = 0; draw < 1_000; draw++) {
            assertThat(drawn.add(LoopbackPorts.stable())).isTrue();
        }
    }

    @Test
    void stableDoesNotDrawAPortReservedForAServerNotYetBound() {
        Set<Integer> reserved = new HashSet<>();
        for (int port = 20_000; port < 23_000; port++) {
            LoopbackPorts.reserve(port);
            reserved.add(port);
        }

        for (int draw = 0; draw < 200; draw++) {
            assertThat(LoopbackPorts.stable()).isNotIn(reserved);
        }
    }
}
