package dev.reelforge.core.project;

/**
 * Whether a project can be rendered, by what the project itself says (Picovico's 74xx codes, checked in their
 * order). The codes that need stores, 7402 (an unknown music id) and 7405 (too few credits), are the caller's.
 */
public sealed interface RenderReadiness {

    int STYLE_NOT_DEFINED = 7401;
    int INSUFFICIENT_ASSETS = 7403;
    int NO_TITLE = 7404;

    record Ready(Project project, Style style) implements RenderReadiness {}

    record Refused(int code, String message) implements RenderReadiness {}

    static RenderReadiness of(Project project, StyleBook styles) {
        if (project.style().isEmpty()) {
            return new Refused(STYLE_NOT_DEFINED, "Style not defined: the video has no style");
        }
        var style = styles.style(project.style().get());
        if (style.isEmpty()) {
            return new Refused(STYLE_NOT_DEFINED, "Style not defined: no style is named '" + project.style().get()
                    + "' (GET /styles lists them)");
        }
        int photos = project.imageFrames().size();
        if (photos < style.get().minimumPhotos()) {
            return new Refused(INSUFFICIENT_ASSETS, "Insufficient assets: the style " + style.get().machineName()
                    + " needs at least " + style.get().minimumPhotos() + " photo frames, the video has " + photos);
        }
        if (project.name().map(String::isBlank).orElse(true)) {
            return new Refused(NO_TITLE, "No title: the video needs a name");
        }
        return new Ready(project, style.get());
    }
}
