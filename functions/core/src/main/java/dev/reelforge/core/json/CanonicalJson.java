package dev.reelforge.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One spelling for JSON documents that mean the same: object members sorted by name, no whitespace, strings as
 * Jackson escapes them, numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} are all {@code 1}). Two bodies
 * that differ only in layout, member order or the spelling of their numbers and strings have the same
 * {@link #sha256}. Array order counts.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /** The canonical text's SHA-256 in lower-case hex. */
    public static String sha256(JsonNode document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(document).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String write(JsonNode document) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(text)) {
            write(document, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(Map.Entry.comparingByKey());
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> member : members) {
                    generator.writeFieldName(member.getKey());
                    write(member.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case NUMBER -> writeNumber(node, generator);
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeNumber(JsonNode number, JsonGenerator generator) throws IOException {
        if (number.isFloatingPointNumber() && !number.isBigDecimal() && !Double.isFinite(number.doubleValue())) {
            // A literal too large for a double (1e400) was read as infinity; unquoted, so no string collides.
            generator.writeRawValue(Double.toString(number.doubleValue()));
            return;
        }
        BigDecimal value = number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue())
                : number.isBigDecimal() ? number.decimalValue() : BigDecimal.valueOf(number.doubleValue());
        generator.writeRawValue(value.signum() == 0 ? "0" : value.stripTrailingZeros().toString());
    }
}
