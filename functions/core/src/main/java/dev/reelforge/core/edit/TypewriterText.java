package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.TextFinish;
import java.util.Optional;

/**
 * A text asset with the newest contract's {@code animation} (its only preset, {@code typewriter}), drawn as the
 * rich-text asset of the same look: same face, size, colour, line height, box, alignment, background (its colour,
 * padding and corners) and outline, the characters appearing one by one over {@code duration} (3 s when absent).
 * An {@code ellipsis} is carried into the look: the text is cut to the lines that fit the box first, then typed.
 */
final class TypewriterText {

    private static final double DEFAULT_SECONDS = 3;

    private TypewriterText() {}

    static Asset of(Asset.Text text, JsonNode animation) {
        TextFinish finish = text.finish();
        double padding = finish.padding();
        RichTextLook look = new RichTextLook(text.text(), text.face(), text.size(), text.color(), 0, 0,
                text.lineHeight(), RichTextLook.Decoration.NONE, Optional.empty(),
                finish.stroke().map(colour -> new RichTextLook.Stroke(Math.max(1, finish.strokeWidth()), colour)),
                Optional.empty(), Optional.empty(),
                text.background().map(colour -> new RichTextLook.Background(colour, finish.borderRadius(), false, 0)),
                Optional.empty(), new RichTextLook.Padding(padding, padding, padding, padding),
                text.horizontal(), text.vertical(),
                Optional.of(new RichTextLook.TextAnimation(RichTextLook.Preset.TYPEWRITER,
                        animation.path("duration").asDouble(DEFAULT_SECONDS), false, RichTextLook.Direction.LEFT)),
                finish.ellipsis());
        return new Asset.RichText(look, text.width(), text.height());
    }
}
