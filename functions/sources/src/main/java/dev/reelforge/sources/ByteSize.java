package dev.reelforge.sources;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A byte count written for people: binary multiples with the familiar names ("2 GB", "1.5 MB"). */
record ByteSize(long bytes) {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB", "EB"};

    @Override
    public String toString() {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        BigDecimal unit = BigDecimal.valueOf(1024);
        int index = -1;
        while (value.compareTo(unit) >= 0 && index < UNITS.length - 1) {
            value = value.divide(unit);
            index++;
        }
        return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + UNITS[index];
    }
}
