package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.Typeface;
import java.util.Optional;

/**
 * The family an asset's {@code font.family} names: a shipped one (Liberation Sans when absent), or a name none of
 * them answers to, which only the edit's {@code timeline.fonts} may provide (checked by the caller).
 */
record FontChoice(FontFamily family, Optional<Typeface> requested) {

    static FontChoice of(JsonNode font) {
        JsonNode family = font.path("family");
        if (!family.isTextual()) {
            return new FontChoice(FontFamily.SANS, Optional.empty());
        }
        return FontFamily.named(family.asText())
                .map(named -> new FontChoice(named, Optional.<Typeface>empty()))
                .orElseGet(() -> new FontChoice(FontFamily.SANS,
                        Optional.of(new Typeface.Requested(family.asText().trim()))));
    }
}
