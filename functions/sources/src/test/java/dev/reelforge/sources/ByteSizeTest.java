package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} bytes read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1             | 1 byte
            1023          | 1023 bytes
            1024          | 1 KB
            1536          | 1.5 KB
            262144        | 256 KB
            1000000000    | 953.7 MB
            2147483648    | 2 GB
            5368709120    | 5 GB
            1649267441664 | 1.5 TB
            """)
    void sizesAreWrittenInBinaryUnits(long bytes, String text) {
        assertThat(new ByteSize(bytes)).hasToString(text);
    }
}
