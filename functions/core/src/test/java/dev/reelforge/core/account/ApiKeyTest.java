package dev.reelforge.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void generatedKeysAreFortyAlphanumericsAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKey.generate(random).value();
            assertThat(key).matches("[0-9A-Za-z]{40}");
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theHashIsTheHexSha256OfTheKey() {
        assertThat(new ApiKey("abc").hash().hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aKeyNeverShowsItselfInLogs() {
        assertThat(new ApiKey("secret-value").toString()).doesNotContain("secret-value");
    }
}
