package dev.reelforge.runtime.priming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A SnapStart priming hook: before Lambda snapshots a function's initialised JVM (a CRaC checkpoint), it runs the
 * face's priming action, one made-up request through the same code a first request takes (the JSON mapper, the
 * validator, request parsing, response mapping, the SDK client's marshalling and signing), so the classes that
 * request would load and initialise are in the snapshot rather than on the first request after a restore. The
 * action's SDK clients answer in-process ({@link PrimingSdkClients}): priming makes no network call, on AWS or in a
 * test. Without a CRaC-capable JVM (tests, the embedded stack, functions without SnapStart) registering does
 * nothing but remember the action.
 */
public final class Priming implements Resource {

    /** Strong references: CRaC holds a registered resource weakly, and would drop an unreferenced one. */
    private static final Map<String, Priming> REGISTERED = new ConcurrentHashMap<>();

    private final String name;
    private final Runnable action;

    private Priming(String name, Runnable action) {
        this.name = name;
        this.action = action;
    }

    /**
     * Registers {@code action} as {@code name}'s priming, once per JVM however many handlers ask (a face's handlers
     * each call this from their no-arg constructor, the one Lambda uses); returns the registered resource.
     */
    public static Priming register(String name, Runnable action) {
        return REGISTERED.computeIfAbsent(name, key -> {
            Priming priming = new Priming(key, action);
            Core.getGlobalContext().register(priming);
            return priming;
        });
    }

    /**
     * Runs the action. A failing action is logged and swallowed: priming only moves work into the snapshot, and a
     * checkpoint that failed because of it would fail the function's deployment (publishing its version).
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError failure) {
            System.out.println("{\"level\":\"WARN\",\"event\":\"priming.failed\",\"priming\":\""
                    + name + "\",\"failure\":\"" + failure.getClass().getSimpleName() + "\"}");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}

    /**
     * Runs every priming registered in this JVM now, as a checkpoint would: what the cold-start bench does to
     * measure a primed first request on a JDK that cannot checkpoint (see docs/PERFORMANCE.md).
     */
    public static void primeRegistered() {
        REGISTERED.values().forEach(priming -> priming.beforeCheckpoint(null));
    }

    /** Whether {@code name}'s priming is registered in this JVM. */
    public static boolean isRegistered(String name) {
        return REGISTERED.containsKey(name);
    }
}
