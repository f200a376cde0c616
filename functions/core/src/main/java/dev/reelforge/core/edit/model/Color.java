package dev.reelforge.core.edit.model;

import java.util.Locale;

/**
 * An sRGB colour with alpha. Shotstack writes alpha first ({@code #AARRGGBB}), unlike CSS; {@code #RGB} and
 * {@code #RRGGBB} are opaque.
 */
public record Color(int red, int green, int blue, int alpha) {

    public static final Color BLACK = new Color(0, 0, 0, 255);
    public static final Color WHITE = new Color(255, 255, 255, 255);

    public static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    /** {@code #RGB}, {@code #RRGGBB}, {@code #AARRGGBB}, or {@code transparent} (which Shotstack's templates use). */
    public static Color parse(String hex) {
        if (hex.equals("transparent")) {
            return TRANSPARENT;
        }
        String digits = hex.substring(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        int alpha = 255;
        if (digits.length() == 8) {
            alpha = Integer.parseInt(digits.substring(0, 2), 16);
            digits = digits.substring(2);
        }
        return new Color(Integer.parseInt(digits.substring(0, 2), 16), Integer.parseInt(digits.substring(2, 4), 16),
                Integer.parseInt(digits.substring(4, 6), 16), alpha);
    }

    public double opacity() {
        return alpha / 255.0;
    }

    public Color withOpacity(double opacity) {
        return new Color(red, green, blue, (int) Math.round(Math.max(0, Math.min(1, opacity)) * alpha));
    }

    /** {@code RRGGBB}, no alpha, no hash. */
    public String rgbHex() {
        return String.format(Locale.ROOT, "%02x%02x%02x", red, green, blue);
    }
}
