package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void aStringThatIsOnePlaceholderTakesTheReplacementsJsonType() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"a": "{{N}}", "b": "{{ FLAG }}", "c": "{{OBJ}}",
                 "merge": [{"find": "N", "replace": 2.5}, {"find": "FLAG", "replace": true},
                           {"find": "OBJ", "replace": {"x": 1}}]}
                """));

        assertThat(merged.get("a").isNumber()).isTrue();
        assertThat(merged.get("a").asDouble()).isEqualTo(2.5);
        assertThat(merged.get("b").asBoolean()).isTrue();
        assertThat(merged.get("c")).isEqualTo(json("{\"x\": 1}"));
    }

    @Test
    void placeholdersInsideTextAreReplacedAsText() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"t": "Hello {{NAME}}, you are {{AGE}} ({{NAME}})",
                 "merge": [{"find": "NAME", "replace": "Jane"}, {"find": "AGE", "replace": 30}]}
                """));

        assertThat(merged.get("t").asText()).isEqualTo("Hello Jane, you are 30 (Jane)");
    }

    @Test
    void unknownPlaceholdersAndTheMergeArrayStayAsTheyAre() throws Exception {
        JsonNode edit = json("""
                {"t": ["{{UNKNOWN}}", "{{KNOWN}}"], "merge": [{"find": "KNOWN", "replace": "{{KNOWN}}!"}]}
                """);

        JsonNode merged = MergeFields.apply(edit);

        assertThat(merged.get("t").get(0).asText()).isEqualTo("{{UNKNOWN}}");
        assertThat(merged.get("t").get(1).asText()).isEqualTo("{{KNOWN}}!");
        assertThat(merged.get("merge")).isEqualTo(edit.get("merge"));
    }

    @Test
    void theSubmittedDocumentIsNotChanged() throws Exception {
        JsonNode edit = json("{\"t\": \"{{A}}\", \"merge\": [{\"find\": \"A\", \"replace\": 1}]}");
        JsonNode copy = edit.deepCopy();

        MergeFields.apply(edit);

        assertThat(edit).isEqualTo(copy);
    }

    @Test
    void replacementTextWithDollarSignsAndBackslashesIsInsertedLiterally() throws Exception {
        JsonNode merged = MergeFields.apply(json("""
                {"t": "price: {{P}}", "merge": [{"find": "P", "replace": "$1 \\\\ $2"}]}
                """));

        assertThat(merged.get("t").asText()).isEqualTo("price: $1 \\ $2");
    }

    @Test
    void anUnclosedPlaceholderFollowedByThousandsOfSpacesIsLeftAsItIs() throws Exception {
        String title = "{{" + " ".repeat(20_000) + "NAME";
        ObjectNode edit = (ObjectNode) json("{\"merge\": [{\"find\": \"NAME\", \"replace\": \"Jane\"}]}");
        edit.put("title", title);

        // Only a guard against hanging the build: the pattern this replaced needed hours for this text.
        JsonNode merged = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MergeFields.apply(edit));

        assertThat(merged.get("title").asText()).isEqualTo(title);
    }

    /**
     * Linear time, shown by counting: for every shape of hostile text, at every size, the scanner reads each
     * character at most four times (the pattern it replaced read an unclosed "{{" and n spaces n³/6 times).
     */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"{{ ", "{{", "{", "}", "}}", "{{a", "{{ a }", "{{a}}", "{{ a }}{", "{ {", " ", "{{\t\n"})
    void findingPlaceholdersReadsEachCharacterAtMostFourTimes(String unit) {
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            for (String text : List.of("{{" + unit.repeat(size / unit.length()), unit.repeat(size / unit.length()),
                    unit.repeat(size / unit.length() / 2) + "}}" + unit.repeat(size / unit.length() / 2))) {
                CountingText counted = new CountingText(text);

                Placeholders.in(counted);

                assertThat(counted.reads).as("characters read for %d characters of %s", text.length(), unit)
                        .isLessThanOrEqualTo(4L * text.length());
            }
        }
    }

    @Test
    void findsThePlaceholdersTheFormerPatternFound() {
        List<String> texts = List.of("{{A}}", "{{ A }}", "{{\tA\n}}", "{{   }}", "{{ \t}}", "{{}}", "{{A}", "{A}}",
                "{{{A}}}", "{{A}}}}", "{{a{{A}}", "x{{A}}y{{ B }}z", "{{ A B }}", "{{\u00a0A\u00a0}}", "{{{{", "}}{{A}}",
                "{{A}}{{B}}", "{{ {{A}} }}", "{ {A} }", "{{A\u000b}}", "{{\u2028A}}", "{{A}x}}", "{{a}{b}}");
        for (String text : texts) {
            assertThat(Placeholders.in(text)).as(text).isEqualTo(FormerPlaceholderPattern.in(text));
        }
        Random random = new Random(20_260_422);
        char[] alphabet = {'{', '}', ' ', '\t', 'A', 'b', '\n', '{', '}'};
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(24)];
            for (int c = 0; c < text.length; c++) {
                text[c] = alphabet[random.nextInt(alphabet.length)];
            }
            String candidate = new String(text);
            assertThat(Placeholders.in(candidate)).as(candidate).isEqualTo(FormerPlaceholderPattern.in(candidate));
        }
    }

    @Test
    void mergeFieldsThatWouldMakeTheEditLargerThanTheBoundAreNotMerged() throws Exception {
        String replacement = "x".repeat(100_000);
        ObjectNode edit = (ObjectNode) json("{\"merge\": [{\"find\": \"A\", \"replace\": \"" + replacement + "\"}]}");
        edit.put("title", "{{A}}".repeat(2_000));

        MergeFields.Merging merging = MergeFields.merge(edit);

        long expected = Json.write(edit).length() - 2_000L * "{{A}}".length() + 2_000L * replacement.length();
        assertThat(merging).isEqualTo(new MergeFields.Merging.TooLarge(expected));
    }

    @Test
    void anEditMergedToExactlyTheBoundIsMergedAndOneByteMoreIsNot() {
        // The text and the merge field each hold the replacement once: n more characters make 2n more bytes.
        String text = "\u00e9 \\{{A}}\"";
        if ((MergeFields.MAX_MERGED_BYTES - MergeFields.mergedSize(editOf(text, ""))) % 2 != 0) {
            text += ".";
        }
        int fill = (int) ((MergeFields.MAX_MERGED_BYTES - MergeFields.mergedSize(editOf(text, ""))) / 2);

        JsonNode exact = ((MergeFields.Merging.Merged) MergeFields.merge(editOf(text, "y".repeat(fill)))).edit();
        MergeFields.Merging oneMore = MergeFields.merge(editOf(text + ".", "y".repeat(fill)));

        assertThat(exact.get("t").asText()).hasSize(text.length() - "{{A}}".length() + fill);
        assertThat(Json.write(exact).getBytes(StandardCharsets.UTF_8)).hasSize((int) MergeFields.MAX_MERGED_BYTES);
        assertThat(oneMore).isEqualTo(new MergeFields.Merging.TooLarge(MergeFields.MAX_MERGED_BYTES + 1));
    }

    private static ObjectNode editOf(String text, String replacement) {
        ObjectNode edit = JsonNodeFactory.instance.objectNode().put("t", text);
        edit.putArray("merge").addObject().put("find", "A").put("replace", replacement);
        return edit;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"t\": \"a{{A}}b{{B}}c{{C}}\", \"merge\": [{\"find\": \"A\", \"replace\": \"\\\"\\\\\\n\\u0001\u00e9\u20ac\ud83c\udfac\"}, {\"find\": \"B\", \"replace\": {\"k\": [1, 2.5e-7, null, true, \"\\t\"]}}, {\"find\": \"C\", \"replace\": -12345678901234567890}]}",
        "{\"n\": \"{{ B }}\", \"a\": [\"{{A}}\", \"{{C}}\", \"{{D}}\"], \"\u00fc\\\"key\": {\"x\": \"{{A}}{{A}}\"}, \"merge\": [{\"find\": \"A\", \"replace\": \"\u00e9\"}, {\"find\": \"B\", \"replace\": {\"deep\": {\"er\": [\"{{A}}\"]}}}, {\"find\": \"C\", \"replace\": 1e300}, {\"find\": \"D\", \"replace\": false}]}",
        "{\"timeline\": {\"tracks\": [{\"clips\": [{\"asset\": {\"type\": \"title\", \"text\": \"{{ NAME }}\"}, \"start\": 0, \"length\": \"{{LEN}}\"}]}]}, \"output\": {\"format\": \"mp4\"}, \"merge\": [{\"find\": \"NAME\", \"replace\": \"Jane \\u0007\"}, {\"find\": \"LEN\", \"replace\": 3.25}]}"
    })
    void theComputedSizeIsTheSizeOfTheMergedEditAsWritten(String text) throws Exception {
        JsonNode edit = json(text);

        JsonNode merged = MergeFields.apply(edit);

        assertThat(MergeFields.mergedSize(edit)).isEqualTo(Json.write(merged).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void theComputedSizeOfEveryCharacterIsWhatJacksonWrites() {
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String text = String.valueOf((char) c);
            ObjectNode edit = JsonNodeFactory.instance.objectNode().put(text, text);

            assertThat(MergeFields.mergedSize(edit)).as("U+%04X", c)
                    .isEqualTo(Json.write(edit).getBytes(StandardCharsets.UTF_8).length);
        }
        ObjectNode pair = JsonNodeFactory.instance.objectNode().put("p", "\ud83c\udfac");
        assertThat(MergeFields.mergedSize(pair)).isEqualTo(Json.write(pair).getBytes(StandardCharsets.UTF_8).length);
    }

    /** A text that counts how often its characters are read. */
    private static final class CountingText implements CharSequence {

        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
