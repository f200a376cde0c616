package dev.reelforge.core.edit.model;

import java.util.List;

public record Track(List<Clip> clips) {

    public Track {
        clips = List.copyOf(clips);
    }
}
