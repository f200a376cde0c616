package dev.reelforge.core.project;

import dev.reelforge.core.asset.Asset;
import java.util.OptionalLong;

/** The size in bytes of a hosted file, as its asset recorded it; empty when not recorded. */
@FunctionalInterface
public interface PublishedFileSizes {

    /** Until assets record their size (the renditions work), none is known: Picovico's {@code size} reads null. */
    PublishedFileSizes NOT_RECORDED = asset -> OptionalLong.empty();

    OptionalLong bytesOf(Asset asset);
}
