package dev.reelforge.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One ffmpeg command's inputs and its {@code -filter_complex} graph, built up chain by chain. An input read
 * the same way twice (a video clip's picture and its sound) is opened once.
 */
final class FilterGraph {

    /**
     * A file read from {@code seek} seconds for {@code seconds} (0: all of it); a still image is read whole.
     */
    record Input(Path file, double seek, double seconds) {

        static Input whole(Path file) {
            return new Input(file, 0, 0);
        }

        List<String> arguments() {
            List<String> arguments = new ArrayList<>();
            if (seek > 0) {
                arguments.addAll(List.of("-ss", Filter.number(seek)));
            }
            if (seconds > 0) {
                arguments.addAll(List.of("-t", Filter.number(seconds)));
            }
            // "file:" keeps a name with a colon from being taken for a protocol.
            arguments.addAll(List.of("-i", "file:" + file.toAbsolutePath()));
            return arguments;
        }
    }

    private final Map<Input, Integer> inputs = new LinkedHashMap<>();
    private final List<String> chains = new ArrayList<>();
    private int labels;

    /** The index of {@code input} among the command's inputs, adding it if new. */
    int input(Input input) {
        return inputs.computeIfAbsent(input, added -> inputs.size());
    }

    /** A label not used yet, for a chain's output. */
    String label(String prefix) {
        return prefix + labels++;
    }

    /** Adds {@code [in1][in2]filter,filter[out]}; labels are bare names or input streams like {@code 0:v}. */
    void chain(List<String> in, List<Filter> filters, String out) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a chain needs a filter");
        }
        String from = in.stream().map(label -> "[" + label + "]").collect(Collectors.joining());
        String through = filters.stream().map(Filter::render).collect(Collectors.joining(","));
        chains.add(from + through + "[" + out + "]");
    }

    /** Chains {@code filters} from one label to a new one, returning the new label (or {@code in} if none). */
    String then(String in, List<Filter> filters, String prefix) {
        if (filters.isEmpty()) {
            return in;
        }
        String out = label(prefix);
        chain(List.of(in), filters, out);
        return out;
    }

    List<String> inputArguments() {
        return inputs.keySet().stream().flatMap(input -> input.arguments().stream()).toList();
    }

    /** The graph, one chain per line, for {@code -filter_complex_script}. */
    String script() {
        return String.join(";\n", chains) + "\n";
    }
}
