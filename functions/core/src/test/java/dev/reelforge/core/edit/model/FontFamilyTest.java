package dev.reelforge.core.edit.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FontFamilyTest {

    @ParameterizedTest(name = "{0} at {1}, italic {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Arapey Regular      | 400 | false | ARAPEY_REGULAR
            arapey              | 700 | false | ARAPEY_REGULAR
            Clear Sans          | 400 | false | CLEAR_SANS_REGULAR
            Clear Sans          | 700 | false | CLEAR_SANS_BOLD
            ClearSans           | 600 | true  | CLEAR_SANS_BOLD
            Didact Gothic       | 900 | false | DIDACT_GOTHIC_REGULAR
            Montserrat ExtraBold| 400 | false | MONTSERRAT_EXTRABOLD
            Montserrat SemiBold | 800 | true  | MONTSERRAT_SEMIBOLD
            OpenSans Bold       | 400 | false | OPEN_SANS_BOLD
            Open Sans Bold      | 400 | true  | OPEN_SANS_BOLD_ITALIC
            Open Sans           | 400 | false | OPEN_SANS_REGULAR
            OpenSans            | 700 | false | OPEN_SANS_BOLD
            Open Sans           | 300 | true  | OPEN_SANS_ITALIC
            Open Sans           | 800 | true  | OPEN_SANS_BOLD_ITALIC
            Permanent Marker    | 400 | false | PERMANENT_MARKER_REGULAR
            Roboto              | 500 | false | ROBOTO_REGULAR
            ROBOTO              | 600 | false | ROBOTO_BOLD
            Roboto              | 400 | true  | ROBOTO_ITALIC
            ROBOTO              | 600 | true  | ROBOTO_BOLD_ITALIC
            Sue Ellen Francisco | 400 | false | SUE_ELLEN_FRANCISCO_REGULAR
            WorkSans Light      | 700 | false | WORK_SANS_LIGHT
            Work Sans Light     | 400 | false | WORK_SANS_LIGHT
            Work Sans           | 300 | false | WORK_SANS_LIGHT
            Work Sans           | 400 | false | WORK_SANS_REGULAR
            WorkSans            | 700 | false | WORK_SANS_BOLD
            Inter               | 400 | false | INTER_REGULAR
            Inter               | 700 | false | INTER_BOLD
            Manrope             | 100 | false | MANROPE_REGULAR
            Manrope             | 900 | false | MANROPE_BOLD
            Arial               | 700 | true  | SANS_BOLD_ITALIC
            Times New Roman     | 300 | false | SERIF_REGULAR
            sans-serif          | 400 | true  | SANS_ITALIC
            """)
    void aNameAndAWeightPickTheShippedFace(String name, int weight, boolean italic, FontFace expected) {
        assertThat(FontFamily.named(name)).hasValueSatisfying(family ->
                assertThat(family.face(weight, italic)).isEqualTo(expected));
    }

    @ParameterizedTest
    @CsvSource({"UniNeue", "Montserrat", "Roboto Black", "Open", "Comic Sans", "sansserif"})
    void aNameOfNoShippedFamilyIsNotMatched(String name) {
        assertThat(FontFamily.named(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"UniNeue, 'UniNeue' is not an available font (UniNeue is a commercial font that cannot be shipped:"
            + " add its file in timeline.fonts); available: Liberation Sans, Arial",
            "Uni Neue, 'Uni Neue' is not an available font (UniNeue",
            "Comic Sans, 'Comic Sans' is not an available font; available: Liberation Sans"})
    void aRefusalSaysWhyUniNeueIsNotShipped(String name, String start) {
        assertThat(FontFamily.unavailable(name)).startsWith(start).endsWith("Inter, Manrope");
    }
}
