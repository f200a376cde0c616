package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;

/** Where transfers are recorded: as assets, {@code importing}, with the URL their file is fetched from. */
public interface Transfers {

    /** Stores the new asset with its transfer URL; its id is new, so nothing is there to collide with. */
    void begin(Asset importing, String url);
}
