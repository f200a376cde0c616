package dev.reelforge.core.edit;

import static dev.reelforge.core.edit.EditJson.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merge fields are checked first, then applied, and the merged edit is what must be valid. */
class MergeFieldValidationTest {

    private static String editWithLengthAndMerge(String length, String merge) {
        return """
                {
                  "timeline": { "tracks": [ { "clips": [
                    { "asset": { "type": "image", "src": "https://example.com/a.jpg" }, "start": 0, "length": %s }
                  ] } ] },
                  "output": { "format": "mp4" },
                  "merge": %s
                }
                """.formatted(length, merge);
    }

    @Test
    void replacesAPlaceholderWithANumberBeforeValidating() {
        assertThat(violationsOf(editWithLengthAndMerge("\"{{LEN}}\"", "[ { \"find\": \"LEN\", \"replace\": 5 } ]")))
                .isEmpty();
    }

    @Test
    void rejectsAPlaceholderThatNoMergeFieldReplaces() {
        assertThat(violationsOf(editWithLengthAndMerge("\"{{LEN}}\"", "[ { \"find\": \"SIZE\", \"replace\": 5 } ]")))
                .containsExactly("timeline.tracks[0].clips[0].length must be auto, end or alias://name");
    }

    @Test
    void validatesTheValueAPlaceholderIsReplacedWith() {
        assertThat(violationsOf(editWithLengthAndMerge("\"{{LEN}}\"", "[ { \"find\": \"LEN\", \"replace\": -3 } ]")))
                .containsExactly("timeline.tracks[0].clips[0].length must be a number greater than 0");
    }

    @Test
    void replacesPlaceholdersInsideUrls() {
        String edit = """
                {
                  "timeline": { "tracks": [ { "clips": [
                    { "asset": { "type": "video", "src": "https://{{HOST}}/v.mp4" }, "start": 0, "length": 1 }
                  ] } ] },
                  "output": { "format": "mp4" },
                  "merge": [ { "find": "HOST", "replace": "cdn.example.com" } ]
                }
                """;
        assertThat(violationsOf(edit)).isEmpty();
        assertThat(violationsOf(edit.replace("cdn.example.com", "")))
                .containsExactly("timeline.tracks[0].clips[0].asset.src must be an absolute http or https or s3 URL");
    }

    @Test
    void reportsAMergeFieldWithoutReplace() {
        assertThat(violationsOf(editWithLengthAndMerge("\"{{LEN}}\"", "[ { \"find\": \"LEN\" } ]")))
                .containsExactly("merge[0].replace is required");
    }

    @Test
    void acceptsAnyJsonValueAsAReplacement() {
        assertThat(violationsOf(editWithLengthAndMerge("5", """
                [
                  { "find": "A", "replace": "text" },
                  { "find": "B", "replace": false },
                  { "find": "C", "replace": [ 1, 2 ] },
                  { "find": "D", "replace": { "nested": true } }
                ]
                """))).isEmpty();
    }

    @Test
    void rejectsAMergeFieldWithAnEmptyOrMissingFind() {
        assertThat(violationsOf(editWithLengthAndMerge("5", "[ { \"find\": \"\", \"replace\": 1 } ]")))
                .containsExactly("merge[0].find must not be empty");
        assertThat(violationsOf(editWithLengthAndMerge("5", "[ { \"replace\": 1 } ]")))
                .containsExactly("merge[0].find is required");
    }

    @Test
    void rejectsUnknownMergeFieldPropertiesAndNonArrays() {
        assertThat(violationsOf(editWithLengthAndMerge("5", "[ { \"find\": \"A\", \"replace\": 1, \"with\": 2 } ]")))
                .containsExactly("merge[0].with is not a known property");
        assertThat(violationsOf(editWithLengthAndMerge("5", "{ \"find\": \"A\", \"replace\": 1 }")))
                .containsExactly("merge must be an array");
    }

    @Test
    void reportsOnlyMergeProblemsWhenTheMergeFieldsAreInvalid() {
        assertThat(violationsOf(editWithLengthAndMerge("-1", "[ { \"replace\": 1 } ]")))
                .containsExactly("merge[0].find is required");
    }

    @Test
    void acceptsANullMergeAsAbsent() {
        assertThat(violationsOf(editWithLengthAndMerge("5", "null"))).isEmpty();
    }

    @Test
    void refusesMergeFieldsThatWouldMakeTheEditLargerThanARenderCanHold() {
        String replacement = "x".repeat(100_000);
        String edit = editWithLengthAndMerge("5", "[ { \"find\": \"A\", \"replace\": \"" + replacement + "\" } ]")
                .replace("\"output\": {", "\"callback\": \"https://example.com/{{A}}" + "{{A}}".repeat(1_999) + "\", \"output\": {");

        List<String> violations = violationsOf(edit);

        assertThat(violations).hasSize(1);
        assertThat(violations.getFirst()).matches("merge would make the edit \\d+ bytes long, more than the 393216 allowed");
        long bytes = Long.parseLong(violations.getFirst().replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertThat(bytes).isGreaterThan(2_000L * replacement.length());
    }

    @Test
    void acceptsATitleOfAnUnclosedPlaceholderAndThousandsOfSpaces() {
        String title = "{{" + " ".repeat(10_000) + "LEN";
        String edit = editWithLengthAndMerge("\"{{LEN}}\"", "[ { \"find\": \"LEN\", \"replace\": 5 } ]")
                .replace("{ \"type\": \"image\", \"src\": \"https://example.com/a.jpg\" }",
                        "{ \"type\": \"title\", \"text\": \"" + title + "\" }");

        // Only a guard against hanging the build: the pattern this replaced needed hours for this title.
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> violationsOf(edit))).isEmpty();
    }
}
