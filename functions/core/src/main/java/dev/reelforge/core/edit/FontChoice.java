package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.Typeface;
import java.util.Optional;

/**
 * The family an asset's {@code font.family} names: a shipped one (Liberation Sans when absent), or a name none of
 * them answers to, which only the edit's {@code timeline.fonts} may provide (checked by the caller).
 */
record FontChoice(FontFamily family, Optional<Typeface> requested) {

    static FontChoice of(JsonNode font) {
        return of(font, FontFamily.SANS);
    }

    /** @param absent the family when {@code font.family} is absent */
    static FontChoice of(JsonNode font, FontFamily absent) {
        JsonNode family = font.path("family");
        if (!family.isTextual()) {
            return new FontChoice(absent, Optional.empty());
        }
        return FontFamily.named(family.asText())
                .map(named -> new FontChoice(named, Optional.<Typeface>empty()))
                .orElseGet(() -> new FontChoice(FontFamily.SANS,
                        Optional.of(new Typeface.Requested(family.asText().trim()))));
    }

    /**
     * The clip of an edit that has {@code timeline.fonts}, its text or rich-text asset drawn in a shipped family
     * asking the edit's fonts first: an edit that brings its own "Roboto" file means that file, not the shipped one.
     */
    static Clip ownFontsFirst(Clip clip, JsonNode asset) {
        JsonNode family = asset.path("font").path("family");
        if (!family.isTextual()) {
            return clip;
        }
        return switch (clip.asset()) {
            case Asset.Text text when text.face() instanceof FontFace shipped ->
                    clip.withAsset(text.withFace(new Typeface.Requested(family.asText().trim(), Optional.of(shipped))));
            case Asset.RichText rich when rich.look().face() instanceof FontFace shipped ->
                    clip.withAsset(new Asset.RichText(rich.look().withFace(new Typeface.Requested(
                            family.asText().trim(), Optional.of(shipped))), rich.width(), rich.height()));
            default -> clip;
        };
    }
}
