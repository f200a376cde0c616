package dev.reelforge.sources;

import java.net.InetAddress;

/**
 * Where an IP address leads, as far as fetching user-supplied URLs is concerned. Only {@link #PUBLIC}
 * addresses (and {@link #LOOPBACK}, when a deployment allows it) may be connected to; everything else
 * reaches this machine, its private network or the cloud's metadata service, or is not meant to be
 * routed at all.
 *
 * <p>IPv6 forms that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} and 6to4 {@code 2002:aabb:ccdd::}) are judged by
 * that IPv4 address, since the packets end up there. Outside those, IPv6 is public only inside the
 * global unicast block {@code 2000::/3}.
 */
enum AddressScope {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    UNSPECIFIED("an unspecified address"),
    LINK_LOCAL("a link-local address"),
    PRIVATE("a private address"),
    SHARED("a carrier-grade NAT address"),
    MULTICAST("a multicast address"),
    BROADCAST("a broadcast address"),
    RESERVED("a reserved address");

    private final String description;

    AddressScope(String description) {
        this.description = description;
    }

    /** How the address is named in a refusal: "a link-local address". */
    String description() {
        return description;
    }

    boolean permitted(boolean allowLoopback) {
        return this == PUBLIC || (this == LOOPBACK && allowLoopback);
    }

    static AddressScope of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ofIpv4(bytes, 0) : ofIpv6(bytes);
    }

    private static AddressScope ofIpv4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        int c = bytes[offset + 2] & 0xff;
        int d = bytes[offset + 3] & 0xff;
        if (a == 0) {
            return (b | c | d) == 0 ? UNSPECIFIED : RESERVED; // 0/8: "this network"
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return PRIVATE;
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return SHARED; // 100.64/10, which also holds some clouds' metadata services
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL; // includes the metadata service at 169.254.169.254
        }
        if (a == 192 && b == 0 && (c == 0 || c == 2)) {
            return RESERVED; // IETF protocol assignments, documentation
        }
        if ((a == 192 && b == 88 && c == 99) || (a == 198 && (b & 0xfe) == 18)
                || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return RESERVED; // 6to4 relays, benchmarking, documentation
        }
        if (a >= 224 && a <= 239) {
            return MULTICAST;
        }
        if ((a & b & c & d) == 255) {
            return BROADCAST;
        }
        if (a >= 240) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressScope ofIpv6(byte[] bytes) {
        if (zeros(bytes, 0, 10)) {
            int word5 = ((bytes[10] & 0xff) << 8) | (bytes[11] & 0xff);
            if (word5 == 0xffff) {
                return ofIpv4(bytes, 12); // IPv4-mapped
            }
            if (word5 == 0) {
                if (zeros(bytes, 12, 15)) {
                    int last = bytes[15] & 0xff;
                    if (last == 0) {
                        return UNSPECIFIED;
                    }
                    if (last == 1) {
                        return LOOPBACK;
                    }
                }
                return ofIpv4(bytes, 12); // IPv4-compatible
            }
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
            return zeros(bytes, 4, 12) ? ofIpv4(bytes, 12) : RESERVED; // NAT64 well-known prefix
        }
        if (first == 0x20 && second == 0x02) {
            return ofIpv4(bytes, 2); // 6to4
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return PRIVATE; // unique local fc00::/7 (AWS metadata: fd00:ec2::254), old site-local fec0::/10
        }
        if ((first & 0xe0) != 0x20) {
            return RESERVED; // outside global unicast 2000::/3 (local-use NAT64, discard-only, ...)
        }
        if (first == 0x20 && second == 0x01 && (bytes[2] & 0xfe) == 0) {
            return RESERVED; // 2001::/23 IETF protocol assignments, Teredo among them
        }
        if (first == 0x20 && second == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return RESERVED; // documentation
        }
        return PUBLIC;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
