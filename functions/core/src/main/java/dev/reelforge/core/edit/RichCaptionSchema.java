package dev.reelforge.core.edit;

import static dev.reelforge.core.validation.Schemas.anyValue;
import static dev.reelforge.core.validation.Schemas.bool;
import static dev.reelforge.core.validation.Schemas.integer;
import static dev.reelforge.core.validation.Schemas.number;
import static dev.reelforge.core.validation.Schemas.object;
import static dev.reelforge.core.validation.Schemas.oneOf;
import static dev.reelforge.core.validation.Schemas.string;

import dev.reelforge.core.validation.NumberSchema;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.StringSchema;
import java.util.regex.Pattern;

/**
 * The {@code rich-caption} asset of the newest Shotstack definition ({@code RichCaptionAsset} of
 * contracts/shotstack-openapi-1.18.3), declared as {@link EditSchema} declares the others. Its colours are
 * {@code #RRGGBB} only, as the definition's patterns say.
 */
final class RichCaptionSchema {

    private RichCaptionSchema() {}

    private static final StringSchema HEX = string().matching(Pattern.compile("#[A-Fa-f0-9]{6}"),
            "a hexadecimal colour such as #ff0000");
    private static final NumberSchema UNIT = number().between(0, 1);
    private static final StringSchema DECORATION = string().oneOf("none", "underline", "line-through");

    static final ObjectSchema STROKE = object()
            .optional("width", number().min(0))
            .optional("color", HEX)
            .optional("opacity", UNIT)
            .build();

    static final ObjectSchema SHADOW = object()
            .optional("offsetX", number())
            .optional("offsetY", number())
            .optional("blur", number().min(0))
            .optional("color", HEX)
            .optional("opacity", UNIT)
            .build();

    static final ObjectSchema ASSET = object()
            .required("type", string().oneOf("rich-caption"))
            .required("src", string().notEmpty())
            .optional("font", object()
                    .optional("family", string())
                    .optional("size", integer().between(1, 500))
                    .optional("weight", anyValue())
                    .optional("style", string().oneOf("normal", "italic"))
                    .optional("color", HEX)
                    .optional("opacity", UNIT)
                    .optional("background", HEX)
                    .build())
            .optional("style", object()
                    .optional("letterSpacing", number())
                    .optional("lineHeight", number().between(0, 10))
                    .optional("textTransform", string().oneOf("none", "uppercase", "lowercase", "capitalize"))
                    .optional("size", number().between(1, 500))
                    .optional("textDecoration", DECORATION)
                    .optional("gradient", RichTextSchema.GRADIENT)
                    .build())
            .optional("stroke", STROKE)
            .optional("shadow", SHADOW)
            .optional("background", object()
                    .optional("color", HEX)
                    .optional("opacity", UNIT)
                    .optional("borderRadius", number().min(0))
                    .optional("wrap", bool())
                    .optional("padding", integer().between(0, 200))
                    .build())
            .optional("border", object()
                    .optional("width", number().min(0))
                    .optional("color", HEX)
                    .optional("opacity", UNIT)
                    .optional("radius", number().min(0))
                    .build())
            .optional("padding", oneOf(number().min(0), object()
                    .optional("top", number().min(0))
                    .optional("right", number().min(0))
                    .optional("bottom", number().min(0))
                    .optional("left", number().min(0))
                    .build()))
            .optional("align", alignment())
            .optional("alignment", alignment())
            .optional("active", object()
                    .optional("font", object()
                            .optional("family", string())
                            .optional("weight", anyValue())
                            .optional("color", HEX)
                            .optional("background", HEX)
                            .optional("opacity", UNIT)
                            .optional("size", number().between(1, 500))
                            .optional("textDecoration", DECORATION)
                            .build())
                    .optional("stroke", oneOf(STROKE, string().oneOf("none")))
                    .optional("shadow", oneOf(SHADOW, string().oneOf("none")))
                    .build())
            .optional("animation", object()
                    .required("style", string().oneOf("karaoke", "highlight", "pop", "fade", "slide", "bounce",
                            "typewriter", "none"))
                    .optional("direction", string().oneOf("left", "right", "up", "down"))
                    .build())
            .build();

    private static ObjectSchema alignment() {
        return object()
                .optional("horizontal", string().oneOf("left", "center", "right"))
                .optional("vertical", string().oneOf("top", "middle", "bottom"))
                .build();
    }
}
