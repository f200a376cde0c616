package dev.reelforge.core.ingest;

import java.util.List;
import java.util.UUID;

/** The renditions a new source asks for, each queued with an id of its own. */
final class NewRenditions {

    private NewRenditions() {}

    static List<Rendition> of(List<RequestedRendition> requested) {
        return requested.stream()
                .map(rendition -> Rendition.queued(UUID.randomUUID(), rendition.spec(), rendition.transformation()))
                .toList();
    }
}
