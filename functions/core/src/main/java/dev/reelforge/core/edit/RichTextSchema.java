package dev.reelforge.core.edit;

import static dev.reelforge.core.validation.Schemas.anyValue;
import static dev.reelforge.core.validation.Schemas.arrayOf;
import static dev.reelforge.core.validation.Schemas.bool;
import static dev.reelforge.core.validation.Schemas.integer;
import static dev.reelforge.core.validation.Schemas.number;
import static dev.reelforge.core.validation.Schemas.object;
import static dev.reelforge.core.validation.Schemas.oneOf;
import static dev.reelforge.core.validation.Schemas.string;

import dev.reelforge.core.validation.NumberSchema;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.StringSchema;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code rich-text} asset of Shotstack's newer schema ({@code schemas/richtextasset.yaml} and
 * {@code richtextproperties.yaml} of {@code shotstack/oas-api-definition}, as bundled in {@code @shotstack/schemas}
 * 1.18.3, {@code contracts/shotstack-openapi-1.18.3}), declared by hand as {@link EditSchema}.
 * Its colours are {@code #RRGGBB} only.
 */
final class RichTextSchema {

    private RichTextSchema() {}

    private static final StringSchema RGB = string().matching(Pattern.compile("#[A-Fa-f0-9]{6}"),
            "a hexadecimal colour such as #ff0000");

    private static final NumberSchema UNIT = number().between(0, 1);

    private static final NumberSchema PIXELS = number().min(0);

    static final ObjectSchema STROKE = object()
            .optional("width", PIXELS)
            .optional("color", RGB)
            .optional("opacity", UNIT)
            .build();

    static final ObjectSchema FONT = object()
            .optional("family", string())
            .optional("size", integer().between(1, 500))
            // a number (100-900) or a name such as "bold": checked when read
            .optional("weight", anyValue())
            .optional("color", RGB)
            .optional("style", string().oneOf("normal", "italic"))
            .optional("opacity", UNIT)
            .optional("background", RGB)
            .optional("stroke", STROKE)
            // not in the contract, but Shotstack's own templates send it (its Studio writes it): style.lineHeight's
            .optional("lineHeight", number().between(0, 10))
            .build();

    static final ObjectSchema GRADIENT = object()
            .optional("type", string().oneOf("linear", "radial"))
            .optional("angle", number().between(0, 360))
            .required("stops", arrayOf(object()
                    .required("offset", UNIT)
                    .required("color", RGB)
                    .build()).nonEmpty().atMost(32))
            .build();

    static final ObjectSchema STYLE = object()
            .optional("letterSpacing", number())
            .optional("wordSpacing", PIXELS)
            .optional("lineHeight", number().between(0, 10))
            .optional("textTransform", string().oneOf("none", "uppercase", "lowercase", "capitalize"))
            .optional("textDecoration", string().oneOf("none", "underline", "line-through"))
            .optional("gradient", GRADIENT)
            .build();

    static final ObjectSchema SHADOW = object()
            .optional("offsetX", number())
            .optional("offsetY", number())
            .optional("blur", PIXELS)
            .optional("color", RGB)
            .optional("opacity", UNIT)
            .build();

    static final ObjectSchema BACKGROUND = object()
            .optional("color", RGB)
            .optional("opacity", UNIT)
            .optional("borderRadius", PIXELS)
            .optional("wrap", bool())
            .optional("padding", integer().between(0, 200))
            .build();

    static final ObjectSchema BORDER = object()
            .optional("width", PIXELS)
            .optional("color", RGB)
            .optional("opacity", UNIT)
            .optional("radius", PIXELS)
            .build();

    static final ObjectSchema PADDING = object()
            .optional("top", PIXELS)
            .optional("right", PIXELS)
            .optional("bottom", PIXELS)
            .optional("left", PIXELS)
            .build();

    static final ObjectSchema ALIGNMENT = object()
            .optional("horizontal", string().oneOf("left", "center", "right"))
            .optional("vertical", string().oneOf("top", "middle", "bottom"))
            .build();

    static final ObjectSchema ANIMATION = object()
            .required("preset", string().oneOf("fadeIn", "slideIn", "typewriter", "ascend", "shift", "movingLetters"))
            .optional("duration", number().between(0.1, 30))
            .optional("style", string().oneOf("character", "word"))
            .optional("direction", string().oneOf("left", "right", "up", "down"))
            .build();

    static final ObjectSchema ASSET = object()
            .required("type", string().oneOf("rich-text"))
            .required("text", new StringSchema(List.of(), null, null, Set.of(), false, 5000))
            .optional("font", FONT)
            .optional("style", STYLE)
            .optional("stroke", STROKE)
            .optional("shadow", SHADOW)
            .optional("background", BACKGROUND)
            .optional("border", BORDER)
            .optional("padding", oneOf(PIXELS, PADDING))
            .optional("align", ALIGNMENT)
            .optional("animation", ANIMATION)
            .build();
}
