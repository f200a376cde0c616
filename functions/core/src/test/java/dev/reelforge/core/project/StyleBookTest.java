package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class StyleBookTest {

    private static ObjectNode shippedVanilla() throws IOException {
        try (InputStream in = StyleBook.class.getResourceAsStream("styles/vanilla.json")) {
            return (ObjectNode) Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static StyleBook vanillaChanged(Consumer<ObjectNode> change) throws IOException {
        ObjectNode style = shippedVanilla();
        change.accept(style);
        return StyleBook.of(List.of(Json.write(style)));
    }

    @Test
    void theShippedStylesAreTheFourPicovicoNames() {
        assertThat(StyleBook.shipped().all()).extracting(Style::machineName)
                .containsExactly("focus", "party_default", "vanilla", "vanilla_frameless");
    }

    @Test
    void everyStyleListsTheCreditsOfEachQuality() {
        for (Style style : StyleBook.shipped().all()) {
            assertThat(style.listing().qualities()).as(style.machineName())
                    .extracting(Style.QualityLimit::res, Style.QualityLimit::credits)
                    .containsExactly(Tuple.tuple(360, 40),
                            Tuple.tuple(480, 50), Tuple.tuple(720, 70));
        }
    }

    @Test
    void theShippedVanillaLoadsWhenGivenAsADocument() throws IOException {
        StyleBook book = StyleBook.of(List.of(Json.write(shippedVanilla())));

        assertThat(book.style("vanilla")).isPresent();
        assertThat(book.style("focus")).isEmpty();
    }

    @Test
    void aStyleWithATransitionTheEditApiRefusesFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> vanillaChanged(style ->
                ((ObjectNode) style.path("photo").path("transitions")).put("in", "spinTopRight")))
                .isInstanceOf(MalformedStyleException.class)
                .hasMessageContaining("style vanilla").hasMessageContaining("transition.in must be one of");
    }

    @Test
    void aStyleWithAnUnknownTitleStyleFailsAtLoad() {
        assertThatThrownBy(() -> vanillaChanged(style ->
                ((ObjectNode) style.path("caption")).put("style", "comicSans")))
                .isInstanceOf(MalformedStyleException.class).hasMessageContaining("asset.style must be one of");
    }

    @Test
    void aStyleWithAFontReelforgeDoesNotShipFailsAtLoad() {
        assertThatThrownBy(() -> vanillaChanged(style ->
                ((ObjectNode) style.path("credits").path("font")).put("family", "Papyrus")))
                .isInstanceOf(MalformedStyleException.class).hasMessageContaining("Papyrus");
    }

    @Test
    void aStyleMissingAFieldFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> vanillaChanged(style -> style.remove("slide_length")))
                .isInstanceOf(MalformedStyleException.class).hasMessage("style vanilla: slide_length is missing");
    }

    @Test
    void aStyleWithAnUnknownFieldFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> vanillaChanged(style -> ((ObjectNode) style.path("intro")).put("colour", "#FFF")))
                .isInstanceOf(MalformedStyleException.class)
                .hasMessage("style vanilla: intro.colour is not a known field");
    }

    @Test
    void aStyleWithAMistypedFieldFailsAtLoad() {
        assertThatThrownBy(() -> vanillaChanged(style -> style.put("slide_length", "five")))
                .isInstanceOf(MalformedStyleException.class).hasMessage("style vanilla: slide_length must be a number");
    }

    @Test
    void aStyleWhoseCreditsAreNotPicovicosFailsAtLoad() {
        assertThatThrownBy(() -> vanillaChanged(style ->
                ((ObjectNode) style.path("limits").path("quality").get(2)).put("credits", 60)))
                .isInstanceOf(MalformedStyleException.class).hasMessageContaining("res 720 once with credits 70");
    }

    @Test
    void aStyleThatIsNotJsonFailsAtLoad() {
        assertThatThrownBy(() -> StyleBook.of(List.of("{\"name\": ")))
                .isInstanceOf(MalformedStyleException.class).hasMessageContaining("is not valid JSON");
    }

    @Test
    void aStyleDefinedTwiceFailsAtLoad() throws IOException {
        String vanilla = Json.write(shippedVanilla());

        assertThatThrownBy(() -> StyleBook.of(List.of(vanilla, vanilla)))
                .isInstanceOf(MalformedStyleException.class).hasMessage("style vanilla: is defined twice");
    }

    @Test
    void aListingHasTheFieldsPicovicoAnswers() {
        Style.Listing listing = StyleBook.shipped().style("vanilla_frameless").orElseThrow().listing();

        assertThat(listing.name()).isEqualTo("Vanilla Frameless");
        assertThat(listing.category()).isNotBlank();
        assertThat(listing.description()).isNotBlank();
        assertThat(listing.titleLength()).isPositive();
        assertThat(listing.textLength()).isPositive();
    }
}
