package dev.reelforge.core.project;

import java.util.Objects;
import java.util.Optional;

/**
 * One frame of a project, in the order the user gave. The start and end times are kept as the client sent them
 * (the SDKs lay frames end to end in 5-second steps) and answered back; the style sets how long a frame shows.
 */
public sealed interface Frame {

    double startTime();

    double endTime();

    record Image(MediaRef photo, Optional<String> caption, double startTime, double endTime) implements Frame {

        public Image {
            Objects.requireNonNull(photo);
            Objects.requireNonNull(caption);
        }
    }

    record Text(String title, String text, double startTime, double endTime) implements Frame {

        public Text {
            Objects.requireNonNull(title);
            Objects.requireNonNull(text);
        }
    }
}
