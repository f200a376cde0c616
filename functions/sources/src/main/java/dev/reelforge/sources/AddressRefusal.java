package dev.reelforge.sources;

/**
 * The URL's host is not written canonically, or is, or resolves to, an address the guard does not connect to:
 * trying again changes nothing.
 */
final class AddressRefusal extends SourceRefusal {

    AddressRefusal(String reason) {
        super(reason);
    }
}
