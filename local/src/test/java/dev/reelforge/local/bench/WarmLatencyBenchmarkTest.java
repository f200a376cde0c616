package dev.reelforge.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The order of the warm test's blocks: no operation may always run after the same neighbour. */
class WarmLatencyBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7})
    void everyOperationComesRightAfterEveryOtherExactlyOnceInTheCircuit(int operations) {
        int[] circuit = WarmLatencyBenchmark.pairCircuit(operations);

        assertThat(circuit).hasSize(operations * (operations - 1));
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < circuit.length; i++) {
            int before = circuit[i];
            int after = circuit[(i + 1) % circuit.length];
            pairs.merge(before + ">" + after, 1, Integer::sum);
        }
        Map<String, Integer> everyPairOnce = new HashMap<>();
        for (int before = 0; before < operations; before++) {
            for (int after = 0; after < operations; after++) {
                if (before != after) {
                    everyPairOnce.put(before + ">" + after, 1);
                }
            }
        }
        assertThat(pairs).isEqualTo(everyPairOnce);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void fewerThanTwoOperationsNeedNoOrder(int operations) {
        assertThat(WarmLatencyBenchmark.pairCircuit(operations)).hasSize(operations);
    }
}
