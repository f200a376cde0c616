package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.Optional;

/**
 * A project's fields in Picovico's wire form ({@code name}, {@code style}, {@code quality}, {@code assets},
 * {@code credit}, {@code privacy}), as the Video object shows them and as {@link ProjectUpdateReader} reads them
 * back: the same form is what the projects table keeps.
 */
public final class ProjectWire {

    private ProjectWire() {}

    public static ObjectNode fields(Project project) {
        ObjectNode fields = Json.object();
        fields.put("name", project.name().orElse(null));
        fields.put("style", project.style().orElse(null));
        fields.put("quality", project.quality().height());
        fields.set("assets", assets(project));
        ArrayNode credit = fields.putArray("credit");
        project.credits().forEach(line -> credit.addArray().add(line.key()).add(line.value()));
        fields.put("privacy", project.privacy().wireName());
        return fields;
    }

    /** A project read back from {@link #fields}; what this class wrote is always readable. */
    public static Project read(ObjectNode fields) {
        return switch (new ProjectUpdateReader().read(fields)) {
            case ProjectUpdateReading.Read read -> Project.draft(Optional.empty()).with(read.update());
            case ProjectUpdateReading.Refused refused ->
                    throw new IllegalStateException("a stored project does not read back: " + refused.message());
        };
    }

    private static ArrayNode assets(Project project) {
        ArrayNode assets = Json.MAPPER.createArrayNode();
        for (Frame frame : project.frames()) {
            ObjectNode asset = assets.addObject();
            switch (frame) {
                case Frame.Image image -> {
                    asset.put("name", "image");
                    media(asset, image.photo());
                    times(asset, frame);
                    ObjectNode data = asset.putObject("data");
                    image.caption().ifPresent(caption -> data.put("text", caption));
                }
                case Frame.Text text -> {
                    asset.put("name", "text");
                    times(asset, frame);
                    asset.putObject("data").put("title", text.title()).put("text", text.text());
                }
            }
        }
        project.music().ifPresent(track -> {
            ObjectNode asset = assets.addObject().put("name", "music");
            media(asset, track.music());
            asset.put("start_time", 0).put("end_time", 0);
        });
        return assets;
    }

    private static void media(ObjectNode asset, MediaRef media) {
        switch (media) {
            case MediaRef.Id id -> asset.put("asset_id", id.id());
            case MediaRef.Url url -> asset.put("url", url.url().toString());
        }
    }

    private static void times(ObjectNode asset, Frame frame) {
        asset.put("start_time", frame.startTime()).put("end_time", frame.endTime());
    }
}
