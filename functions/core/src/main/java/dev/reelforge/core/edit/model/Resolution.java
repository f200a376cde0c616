package dev.reelforge.core.edit.model;

import java.util.Arrays;

/**
 * The preset resolutions, at 16:9. Other aspect ratios keep the preset's height as the shorter side:
 * 9:16 swaps the sides, 1:1 is height x height, 4:5 and 4:3 narrow or widen the width.
 */
public enum Resolution {
    PREVIEW("preview", 512, 288, 15),
    MOBILE("mobile", 640, 360, 25),
    SD("sd", 1024, 576, 25),
    HD("hd", 1280, 720, 25),
    FULL_HD("1080", 1920, 1080, 25),
    UHD("4k", 3840, 2160, 25);

    private final String wireName;
    private final int width;
    private final int height;
    private final int defaultFps;

    Resolution(String wireName, int width, int height, int defaultFps) {
        this.wireName = wireName;
        this.width = width;
        this.height = height;
        this.defaultFps = defaultFps;
    }

    public Fps defaultFps() {
        return new Fps(defaultFps, 1);
    }

    public Size size(String aspectRatio) {
        return switch (aspectRatio) {
            case "16:9" -> new Size(width, height);
            case "9:16" -> new Size(height, width);
            case "1:1" -> new Size(height, height);
            case "4:5" -> new Size(Size.even(height * 4 / 5.0), height);
            case "4:3" -> new Size(Size.even(height * 4 / 3.0), height);
            default -> throw new IllegalArgumentException("aspect ratio " + aspectRatio);
        };
    }

    public static Resolution fromWireName(String name) {
        return Arrays.stream(values()).filter(resolution -> resolution.wireName.equals(name)).findFirst().orElseThrow();
    }
}
