package dev.reelforge.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a template must be to be saved: an edit as a render's, placeholders standing for values to come. */
class TemplateChecksTest {

    static final String EDIT = """
            {"timeline": {"tracks": [{"clips": [
              {"asset": {"type": "video", "src": "https://media.example.com/a.mp4"}, "start": 0, "length": 2},
              {"asset": {"type": "title", "text": "Hi"}, "start": 2, "length": 3}]}]},
             "output": {"format": "mp4", "resolution": "sd"}}""";

    private final TemplateChecks checks = new TemplateChecks(new EditValidator(),
            url -> url.getHost().equals("10.0.0.1") ? Optional.of("must name a public address") : Optional.empty());

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String body(String name, String edit) {
        return "{\"name\": " + name + ", \"template\": " + edit + "}";
    }

    private List<String> problemsWith(String body) {
        return checks.problemsWith(json(body)).stream().map(Violation::message).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a number                   | '"length": 2'                                   | '"length": "{{LEN}}"'
            a number, spaced           | '"length": 2'                                   | '"length": "{{ LEN }}"'
            a URL                      | '"https://media.example.com/a.mp4"'             | '"{{VIDEO}}"'
            part of a URL              | '"https://media.example.com/a.mp4"'             | '"https://{{HOST}}/a.mp4"'
            an enumerated value        | '"sd"'                                          | '"{{RESOLUTION}}"'
            an object                  | '"output": {"format": "mp4", "resolution": "sd"}' | '"output": "{{OUTPUT}}"'
            a clip                     | '{"asset": {"type": "title", "text": "Hi"}, "start": 2, "length": 3}' | '"{{CLIP}}"'
            a callback                 | '"output"'                                      | '"callback": "https://{{HOOK_HOST}}/done", "output"'
            """)
    void aPlaceholderMayStandWhereAValueGoes(String where, String find, String replace) {
        assertThat(problemsWith(body("\"T\"", EDIT.replace(find, replace)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown property          | '"start": 0,'          | '"start": 0, "begin": 1,'  | template.timeline.tracks[0].clips[0].begin is not a known property
            wrong type                | '"length": 2}'         | '"length": "two"}'         | template.timeline.tracks[0].clips[0].length must be auto, end or alias://name
            a placeholder inside text where only a number goes | 'a.mp4"}' | 'a.mp4", "trim": "1{{N}}"}' | template.timeline.tracks[0].clips[0].asset.trim must be a number greater than or equal to 0
            a placeholder as asset type | '"type": "title"'    | '"type": "{{TYPE}}"'       | template.timeline.tracks[0].clips[1].asset.type must be one of: video, image, text, rich-text, audio, luma, caption, rich-caption, html, title, shape, svg, text-to-image, image-to-video, text-to-speech, html5
            wrong value by a placeholder | '"resolution": "sd"'   | '"resolution": "{{R}}", "fps": 7' | template.output.fps must be one of: 12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60
            an array that is none     | '"tracks": [' | '"tracks": "a", "x": [' | template.timeline.tracks must be an array
            """)
    void anythingElseIsCheckedAsARendersEditAndNamedByItsPath(String problem, String find, String replace,
            String message) {
        assertThat(problemsWith(body("\"T\"", EDIT.replace(find, replace)))).startsWith(message);
    }

    @Test
    void aTemplateWithoutPlaceholdersLeftIsCheckedInFullAsARender() {
        String transformed = EDIT.replace("\"start\": 2,", "\"start\": 2, \"transform\": {\"skew\": {\"x\": [{\"from\": 0, \"to\": 101, \"length\": 1}]}},");

        assertThat(problemsWith(body("\"T\"", transformed)))
                .containsExactly("template.timeline.tracks[0].clips[1].transform.skew.x[0] from and to must be between"
                        + " -100 and 100 (fractions of the frame)");
    }

    @Test
    void itsOwnMergeFieldsAreDefaultsThatMakeItCompleteAndAreCheckedAsSuch() {
        String withDefault = EDIT.replace("\"length\": 2}", "\"length\": \"{{LEN}}\"}")
                .replace("\"output\"", "\"merge\": [{\"find\": \"LEN\", \"replace\": -1}], \"output\"");

        assertThat(problemsWith(body("\"T\"", withDefault)))
                .containsExactly("template.timeline.tracks[0].clips[0].length must be a number greater than 0");
    }

    @Test
    void aCallbackWithoutPlaceholdersIsCheckedAsARendersEvenWhenPlaceholdersAreLeftElsewhere() {
        String edit = EDIT.replace("\"Hi\"", "\"{{GREETING}}\"")
                .replace("\"output\"", "\"callback\": \"https://10.0.0.1/done\", \"output\"");

        assertThat(problemsWith(body("\"T\"", edit))).containsExactly("template.callback must name a public address");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name            | '{"template": {}}'                         | name is required
            an empty name      | '{"name": " ", "template": {}}'            | name must not be empty
            a number as name   | '{"name": 7, "template": {}}'              | name must be a string
            no template        | '{"name": "T"}'                            | template is required
            a null template    | '{"name": "T", "template": null}'          | template is required
            an array template  | '{"name": "T", "template": []}'            | template must be a JSON object
            an unknown field   | '{"name": "T", "template": {}, "tags": []}' | tags is not a known property
            an array body      | '[]'                                       | body must be a JSON object
            """)
    void theBodyIsAContractTemplateWithBothNameAndTemplate(String problem, String body, String message) {
        assertThat(problemsWith(body)).startsWith(message);
    }

    @Test
    void aNameIsAtMost255Characters() {
        assertThat(problemsWith(body("\"" + "n".repeat(255) + "\"", EDIT))).isEmpty();
        assertThat(problemsWith(body("\"" + "n".repeat(256) + "\"", EDIT)))
                .containsExactly("name must be at most 255 characters long");
    }
}
