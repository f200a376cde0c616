package dev.reelforge.core.project;

/** An update read from Picovico's wire shapes, or refused naming the field that is wrong. */
public sealed interface ProjectUpdateReading {

    record Read(ProjectUpdate update) implements ProjectUpdateReading {}

    /** {@code field} is a path such as {@code assets[2].data.title}; {@code problem} says what is wrong with it. */
    record Refused(String field, String problem) implements ProjectUpdateReading {

        public String message() {
            return field + " " + problem;
        }
    }
}
