package dev.reelforge.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private static java.util.Optional<Map<String, String>> match(String template, String path) {
        return PathTemplate.match(PathTemplate.segments(template), PathTemplate.segments(path));
    }

    @Test
    void parametersTakeOneSegment() {
        assertThat(match("/edit/{version}/render/{id}", "/edit/v1/render/abc"))
                .contains(Map.of("version", "v1", "id", "abc"));
        assertThat(match("/edit/{version}/render/{id}", "/edit/v1/render")).isEmpty();
        assertThat(match("/edit/{version}/render", "/edit/v1/render/abc")).isEmpty();
    }

    @Test
    void greedyParametersTakeTheRestOfThePath() {
        assertThat(match("/v/{proxy+}", "/v/abc/name.mp4")).contains(Map.of("proxy", "abc/name.mp4"));
        assertThat(match("/v/{proxy+}", "/v")).isEmpty();
    }

    @Test
    void anEncodedSlashStaysInsideItsSegmentAndParametersArriveStillEncoded() {
        assertThat(match("/edit/{version}/probe/{url}", "/edit/stage/probe/https%3A%2F%2Fa.test%2Fv.mp4"))
                .contains(Map.of("version", "stage", "url", "https%3A%2F%2Fa.test%2Fv.mp4"));
        assertThat(match("/edit/{version}/probe/{url}", "/edit/stage/probe/https:/a.test/v.mp4")).isEmpty();
    }

    @Test
    void literalSegmentsAreComparedDecoded() {
        assertThat(match("/edit/{version}/render", "/edit/v1/rend%65r")).contains(Map.of("version", "v1"));
        assertThat(match("/edit/{version}/render", "/edit/v1/rend%FFr")).isEmpty();
    }

    @Test
    void literalSegmentsAreMoreSpecificThanParameters() {
        assertThat(PathTemplate.specificity(PathTemplate.segments("/assets/render/{id}")))
                .isLessThan(PathTemplate.specificity(PathTemplate.segments("/assets/{id}/{x}")));
    }
}
