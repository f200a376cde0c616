package dev.reelforge.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Options ({@code --name value}, {@code -e value}) and positional arguments of one command. */
public record CommandLine(Map<String, String> options, List<String> positional) {

    /** Options that take no value: present means on. */
    private static final List<String> FLAGS = List.of("--no-loopback-sources", "--callback", "--ibm", "--picovico");

    static CommandLine parse(Deque<String> arguments) {
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        while (!arguments.isEmpty()) {
            String argument = arguments.pop();
            if (FLAGS.contains(argument)) {
                options.put(argument.substring(2), "true");
            } else if (argument.startsWith("-")) {
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException(argument + " needs a value");
                }
                options.put(argument.replaceFirst("^-+", ""), arguments.pop());
            } else {
                positional.add(argument);
            }
        }
        return new CommandLine(Map.copyOf(options), List.copyOf(positional));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public Path dataDirectory() {
        return option("data-dir").map(Path::of).orElse(Main.defaultDataDirectory()).toAbsolutePath().normalize();
    }

    public Path template() {
        return option("template").map(Path::of).orElse(Path.of("template.yaml"));
    }
}
