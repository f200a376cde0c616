package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStateTest {

    @Test
    void onlyAPendingDeliveryMovesAndEveryOtherStateIsFinal() {
        for (DeliveryState next : DeliveryState.values()) {
            assertThat(DeliveryState.DELIVERED.canMoveTo(next)).isFalse();
            assertThat(DeliveryState.STOPPED.canMoveTo(next)).isFalse();
            assertThat(DeliveryState.DEAD_LETTERED.canMoveTo(next)).isFalse();
        }
        assertThat(DeliveryState.PENDING.canMoveTo(DeliveryState.DELIVERED)).isTrue();
        assertThat(DeliveryState.PENDING.isFinal()).isFalse();
    }

    @Test
    void wireNamesReadBack() {
        assertThat(DeliveryState.DEAD_LETTERED.wireName()).isEqualTo("dead_lettered");
        for (DeliveryState state : DeliveryState.values()) {
            assertThat(DeliveryState.fromWireName(state.wireName())).contains(state);
        }
    }
}
