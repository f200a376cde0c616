package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: every function API Gateway invokes (its routes' handlers and its authorizers) has a SnapStart priming, so
 * that its first request after a restore does not pay for loading the JSON mapper, the validator and the SDK client:
 * the constructor Lambda uses (the no-arg one) registers its face's or flow's priming, which each priming's own test
 * exercises. Read from the compiled classes with javap, all at once: a new API function cannot forget, and checking
 * costs a second rather than a JVM per function.
 */
class ApiFunctionPrimingIT {

    /** What registering returns; a constructor that calls a method returning it registers a priming. */
    private static final String REGISTERS = ")Ldev/reelforge/runtime/priming/Priming;";

    @Test
    void everyApiFunctionAndAuthorizerRegistersAPrimingFromTheConstructorLambdaUses() throws Exception {
        SamTemplate template = SamTemplate.load(ProjectFiles.template());
        Set<String> authorizers = new LinkedHashSet<>();
        template.apis().forEach(api -> api.authorizers().values()
                .forEach(authorizer -> authorizers.add(authorizer.functionLogicalId())));
        Map<String, String> handlers = new LinkedHashMap<>();
        template.functions().stream()
                .filter(function -> !function.apiEvents().isEmpty() || authorizers.contains(function.logicalId()))
                .forEach(function -> handlers.put(function.handlerClass(), function.logicalId()));
        assertThat(handlers.values()).contains("SubmitRenderFunction", "ProbeFunction", "AddUploadFunction")
                .containsAll(authorizers);

        Map<String, List<String>> constructors = noArgConstructors(handlers.keySet());

        handlers.forEach((handler, function) -> assertThat(constructors.get(handler))
                .as("%s (%s): the no-arg constructor's code", function, handler)
                .isNotNull()
                .anySatisfy(instruction -> assertThat(instruction).contains("invokestatic").contains(REGISTERS)));
    }

    /** The instructions of each class's no-arg constructor, as javap prints them. */
    private static Map<String, List<String>> noArgConstructors(Set<String> classes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javap")
                .toString(), "-c", "-cp", System.getProperty("java.class.path")));
        command.addAll(classes);
        Process javap = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(javap.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(javap.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(javap.exitValue()).as("javap: %s", String.join("\n", lines)).isZero();
        Map<String, List<String>> constructors = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            String signature = line.strip();
            String className = signature.startsWith("public ") && signature.endsWith("();")
                    ? signature.substring("public ".length(), signature.length() - "();".length()) : null;
            if (className != null && classes.contains(className)) {
                current = new ArrayList<>();
                constructors.put(className, current);
            } else if (current != null && signature.isEmpty()) {
                current = null;
            } else if (current != null) {
                current.add(signature);
            }
        }
        return constructors;
    }
}
