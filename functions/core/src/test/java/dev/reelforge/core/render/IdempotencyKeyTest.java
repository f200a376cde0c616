package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "order 4711", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "f3b1c2d0-8c7e-4c4e-9a3e-2b1d0c9e8f7a"})
    void printableAsciiUpTo255CharactersIsAKey(String value) {
        assertThat(IdempotencyKey.isWellFormed(value)).isTrue();
        assertThat(IdempotencyKey.isWellFormed(value.repeat(255 / value.length()))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "new\nline", "del\u007f", "caf\u00e9", "emoji\ud83d\ude00", "nul\u0000"})
    void anythingElseIsNot(String value) {
        assertThat(IdempotencyKey.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 10_000})
    void longerThan255IsNot(int length) {
        assertThat(IdempotencyKey.isWellFormed("k".repeat(length))).isFalse();
        assertThat(IdempotencyKey.isWellFormed("k".repeat(255))).isTrue();
    }
}
