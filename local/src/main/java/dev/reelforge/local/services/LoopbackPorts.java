package dev.reelforge.local.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Finds free TCP ports on the loopback interface for services that must be told their port up front. */
public final class LoopbackPorts {

    /** The range below the kernel's ephemeral ports from which {@link #stable()} draws. */
    private static final int STABLE_LOW = 20_000;

    /**
     * Ports this process has drawn or {@link #reserve reserved}: free when drawn but bound later, so a second draw
     * could find one still free and hand it to another server. Never released; a stack takes a handful.
     */
    private static final Set<Integer> PROMISED = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {}

    /**
     * A free loopback port that no outgoing connection or port-0 bind will be given meanwhile, for a port chosen
     * now and bound later (a distribution's, kept in the data directory; S3Proxy's and DynamoDB Local's, which are
     * told their port before they bind it): it lies below the kernel's ephemeral range,
     * from which {@link #free()} ports and every connection's local port are drawn, and where a port found free can
     * be taken by an SDK's next connection before the server binds it. Nor is it one this process has drawn or
     * reserved before, which its server may not have bound yet.
     */
    public static int stable() {
        int high = ephemeralLow() - 1;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(STABLE_LOW, high + 1);
            if (!PROMISED.contains(port) && bindable(port) && PROMISED.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port in " + STABLE_LOW + "-" + high));
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * Keeps {@link #stable()} from drawing {@code port}: one chosen by an earlier run (a distribution's, read back
     * from the data directory) that this process will bind later.
     */
    public static void reserve(int port) {
        PROMISED.add(port);
    }

    /** The lowest ephemeral port (Linux's {@code ip_local_port_range}; the IANA range where that cannot be read). */
    private static int ephemeralLow() {
        // Read line by line: Files.readString gave only the first character of this procfs file here (JDK 25).
        try (BufferedReader file = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int low = Integer.parseInt(file.readLine().trim().split("\\s+")[0]);
            return low > STABLE_LOW + 1000 ? low : 49_152;
        } catch (IOException | RuntimeException unreadable) {
            return 49_152;
        }
    }

    /** A loopback port free now, from the ephemeral range: for an address nothing is meant to listen on. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
