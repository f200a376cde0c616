package dev.reelforge.runtime.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void aNameIsRegisteredOnceAndKeepsItsFirstAction() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        Priming hook = Priming.register("once", first::incrementAndGet);
        Priming again = Priming.register("once", second::incrementAndGet);
        again.beforeCheckpoint(null);

        assertThat(again).isSameAs(hook);
        assertThat(Priming.isRegistered("once")).isTrue();
        assertThat(first).hasValue(1);
        assertThat(second).hasValue(0);
    }

    @Test
    void aFailingActionDoesNotFailTheCheckpoint() {
        Priming hook = Priming.register("failing", () -> {
            throw new IllegalStateException("priming broke");
        });

        assertThatCode(() -> hook.beforeCheckpoint(null)).doesNotThrowAnyException();
    }
}
