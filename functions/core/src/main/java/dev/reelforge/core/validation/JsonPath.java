package dev.reelforge.core.validation;

/**
 * Where a value sits inside a JSON document, spelled the way users write it:
 * {@code timeline.tracks[0].clips[2].length}. The empty path is the document itself.
 */
public record JsonPath(String text) {

    public static final JsonPath ROOT = new JsonPath("");

    public static JsonPath of(String property) {
        return ROOT.property(property);
    }

    public JsonPath property(String name) {
        return new JsonPath(text.isEmpty() ? name : text + "." + name);
    }

    public JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    public boolean isRoot() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return isRoot() ? "body" : text;
    }
}
