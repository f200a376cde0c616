package dev.reelforge.local.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A distribution keeps its port for the life of the data directory: stored URLs name it. */
class DistributionPortsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theSameDataDirectoryGivesEachDistributionTheSamePortAgain() throws IOException {
        Map<String, Integer> first = DistributionPorts.assign(dataDirectory, List.of("TempDistribution", "HostingDistribution"));
        Map<String, Integer> second = DistributionPorts.assign(dataDirectory, List.of("HostingDistribution", "TempDistribution"));

        assertThat(first.values()).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isPositive());
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(dataDirectory.resolve("cloudfront/ports.json"))).contains("TempDistribution");
    }

    @Test
    void aDistributionAddedLaterGetsAPortOfItsOwnAndTheOthersKeepTheirs() {
        Map<String, Integer> before = DistributionPorts.assign(dataDirectory, List.of("TempDistribution"));
        Map<String, Integer> after = DistributionPorts.assign(dataDirectory, List.of("TempDistribution", "NewDistribution"));

        assertThat(after.get("TempDistribution")).isEqualTo(before.get("TempDistribution"));
        assertThat(after.get("NewDistribution")).isNotEqualTo(before.get("TempDistribution"));
    }
}
