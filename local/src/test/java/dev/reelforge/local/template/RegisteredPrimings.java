package dev.reelforge.local.template;

import dev.reelforge.runtime.priming.Priming;
import java.util.TreeSet;

/**
 * Constructs one handler as Lambda does (its no-arg constructor, in a JVM whose environment is the function's) and
 * prints the primings that registered: run by {@link ApiFunctionPrimingIT} in a JVM of its own per function, since
 * the no-arg constructors read the process's environment and a priming registers once per JVM.
 */
public final class RegisteredPrimings {

    static final String PREFIX = "registered primings: ";

    private RegisteredPrimings() {}

    public static void main(String[] arguments) throws ReflectiveOperationException {
        Class.forName(arguments[0]).getConstructor().newInstance();
        System.out.println(PREFIX + String.join(",", new TreeSet<>(Priming.registered())));
    }
}
