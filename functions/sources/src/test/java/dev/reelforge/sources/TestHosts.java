package dev.reelforge.sources;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hosts file for the test JVM, consulted by {@link TestHostsResolverProvider} before the system's
 * resolver: names under {@code .reelforge.test} answer what a test scripted (one answer per lookup, the
 * last one repeating, as a rebinding DNS server would), and {@code .invalid} names do not exist. The
 * surefire configuration turns the JVM's address cache off so that every lookup reaches it.
 */
final class TestHosts {

    private static final Map<String, Deque<List<String>>> ANSWERS = new ConcurrentHashMap<>();

    private TestHosts() {}

    /** Scripts the answer to every lookup of {@code name}. */
    static void answer(String name, List<String> addresses) {
        answers(name, List.of(addresses));
    }

    /** Scripts the answers to successive lookups of {@code name}; the last one repeats. */
    static void answers(String name, List<List<String>> answers) {
        ANSWERS.put(name, new ArrayDeque<>(answers));
    }

    /** The addresses for a scripted name, null for a name this file does not know. */
    static List<InetAddress> lookup(String name) throws UnknownHostException {
        if (name.endsWith(".invalid")) {
            throw new UnknownHostException(name);
        }
        Deque<List<String>> answers = ANSWERS.get(name);
        if (answers == null) {
            if (name.endsWith(".reelforge.test")) {
                throw new UnknownHostException(name);
            }
            return null;
        }
        List<String> answer;
        synchronized (answers) {
            answer = answers.size() > 1 ? answers.removeFirst() : answers.getFirst();
        }
        InetAddress[] addresses = new InetAddress[answer.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByAddress(name, InetAddress.getByName(answer.get(i)).getAddress());
        }
        return List.of(addresses);
    }
}
