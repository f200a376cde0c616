package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.callback.CallbackPayload;
import dev.reelforge.core.callback.CallbackQueue;
import dev.reelforge.core.callback.Deliveries;
import dev.reelforge.core.callback.Delivery;
import dev.reelforge.core.callback.DeliveryState;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Renders;
import dev.reelforge.core.render.Rendition;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Settles a {@code processing} project once its render or one of its hosted files ends: a failed render, or a file
 * whose hosting failed, makes the project {@code failed} and refunds its credits; a done render whose every file
 * (each quality's video and thumbnail) is hosted makes it {@code published}. Each change is conditional on the
 * project still being processing by this render ({@link CreditedRenders}), so events repeated or out of order never
 * refund twice nor undo a settlement. A settled project with a {@code callback_url} gets one callback delivery
 * (Picovico's v2.7 body), made sure of by every repeat of the event.
 */
public final class SettleProject {

    public static final String CREATED = "video.created";
    public static final String FAILED = "video.failed";

    private final Renders renders;
    private final Assets assets;
    private final Projects projects;
    private final CreditedRenders creditedRenders;
    private final Deliveries deliveries;
    private final CallbackQueue queue;
    private final Clock clock;

    public SettleProject(Renders renders, Assets assets, Projects projects, CreditedRenders creditedRenders,
            Deliveries deliveries, CallbackQueue queue, Clock clock) {
        this.renders = renders;
        this.assets = assets;
        this.projects = projects;
        this.creditedRenders = creditedRenders;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** A hosted file of a project's render: its quality, and whether it is the video or its thumbnail. */
    record ExpectedFile(ProjectQuality quality, boolean thumbnail) {}

    public SettleProjectResult settle(SettleProjectCommand command) {
        Optional<Render> found = renders.find(command.owner(), command.renderId());
        if (found.isEmpty() || found.get().project().isEmpty()) {
            return new SettleProjectResult.NothingToSettle("no project's render " + command.renderId());
        }
        Render render = found.get();
        String projectId = render.project().get();
        Optional<StoredProject> stored = projects.find(render.owner(), render.environment(), projectId)
                .filter(project -> project.render().filter(render.id()::equals).isPresent());
        if (stored.isEmpty()) {
            return new SettleProjectResult.NothingToSettle("project " + projectId + " is gone or not this render's");
        }
        StoredProject project = stored.get();
        if (project.status() != ProjectStatus.PROCESSING) {
            ensureCallback(project, render);
            return new SettleProjectResult.AlreadySettled(projectId);
        }
        Map<String, ExpectedFile> expected = expectedFiles(render, project.project().quality());
        // each expected file's asset by its derived id, read consistently: no event can miss a change before it
        Map<String, Asset> hosted = new LinkedHashMap<>();
        for (String filename : expected.keySet()) {
            assets.find(render.owner(), AssetId.of(render.id(), filename))
                    .ifPresent(asset -> hosted.put(filename, asset));
        }
        Optional<Asset> lost = hosted.values().stream()
                .filter(asset -> asset.status() == AssetStatus.FAILED || asset.status() == AssetStatus.DELETED)
                .findFirst();
        if (render.status() == RenderStatus.FAILED || lost.isPresent()) {
            String reason = render.status() == RenderStatus.FAILED
                    ? "the render failed: " + render.error().orElse("no reason was given")
                    : "hosting " + lost.get().filename() + " failed";
            return fail(project, render, reason);
        }
        if (render.status() != RenderStatus.DONE) {
            return new SettleProjectResult.Waiting(projectId, "the render is " + render.status().wireName());
        }
        boolean allReady = expected.keySet().stream()
                .allMatch(name -> hosted.containsKey(name) && hosted.get(name).status() == AssetStatus.READY);
        if (!allReady) {
            return new SettleProjectResult.Waiting(projectId, (expected.size() - hosted.size())
                    + " files are not hosted yet");
        }
        StoredProject published = project.published(publicationOf(expected, hosted), clock.instant());
        if (!creditedRenders.publish(project, published)) {
            return settledMeanwhile(render, projectId);
        }
        ensureCallback(published, render);
        return new SettleProjectResult.Published(projectId);
    }

    private SettleProjectResult fail(StoredProject project, Render render, String reason) {
        StoredProject failed = project.failed(reason, clock.instant());
        if (!creditedRenders.failAndRefund(project, failed, project.project().quality().credits())) {
            return settledMeanwhile(render, project.id());
        }
        ensureCallback(failed, render);
        return new SettleProjectResult.Failed(project.id(), reason);
    }

    /** Another copy of the event settled it first: that copy sends the callback, this one makes sure of it. */
    private SettleProjectResult settledMeanwhile(Render render, String projectId) {
        projects.find(render.owner(), render.environment(), projectId)
                .filter(project -> project.status() != ProjectStatus.PROCESSING)
                .ifPresent(project -> ensureCallback(project, render));
        return new SettleProjectResult.AlreadySettled(projectId);
    }

    /**
     * The files the render hosts, by filename: {@code {id}.mp4} and {@code {id}-thumb.jpg} at the project's quality,
     * {@code {id}-{name}.mp4} and {@code {id}-{name}-thumb.jpg} for each rendition (named after its quality).
     */
    static Map<String, ExpectedFile> expectedFiles(Render render, ProjectQuality quality) {
        Map<String, ExpectedFile> files = new LinkedHashMap<>();
        files.put(render.id() + ".mp4", new ExpectedFile(quality, false));
        files.put(render.id() + "-thumb.jpg", new ExpectedFile(quality, true));
        for (Rendition rendition : render.renditions()) {
            ProjectQuality lower = ProjectQuality.ofHeight(Integer.parseInt(rendition.name())).orElseThrow();
            files.put(render.id() + "-" + rendition.name() + ".mp4", new ExpectedFile(lower, false));
            files.put(render.id() + "-" + rendition.name() + "-thumb.jpg", new ExpectedFile(lower, true));
        }
        return files;
    }

    private ProjectPublication publicationOf(Map<String, ExpectedFile> expected, Map<String, Asset> hosted) {
        List<ProjectPublication.PublishedVideo> videos = new ArrayList<>();
        expected.forEach((name, file) -> {
            if (file.thumbnail()) {
                return;
            }
            Asset video = hosted.get(name);
            Optional<String> thumbnail = expected.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(new ExpectedFile(file.quality(), true)))
                    .findFirst().flatMap(entry -> hosted.get(entry.getKey()).url());
            videos.add(new ProjectPublication.PublishedVideo(file.quality(), video.url().orElseThrow(),
                    video.size().map(OptionalLong::of).orElseGet(OptionalLong::empty), thumbnail));
        });
        return new ProjectPublication(videos);
    }

    private void ensureCallback(StoredProject project, Render render) {
        Optional<URI> url = project.callbackUrl();
        if (url.isEmpty() || project.status() == ProjectStatus.PROCESSING || project.status() == ProjectStatus.INITIAL) {
            return;
        }
        boolean published = project.status() == ProjectStatus.PUBLISHED;
        String type = published ? CREATED : FAILED;
        ObjectNode body = Json.object().put("type", type).put("created", project.modified().getEpochSecond())
                .put("status", project.status().wireName());
        ObjectNode object = body.putObject("data").putObject("object").put("id", project.id());
        ArrayNode videos = object.putArray("video");
        project.publication().ifPresent(publication -> publication.videos().forEach(video -> {
            ObjectNode entry = videos.addObject().put("quality", video.quality().height()).put("url", video.url());
            if (video.size().isPresent()) {
                entry.put("size", video.size().getAsLong());
            } else {
                entry.putNull("size");
            }
            entry.put("thumbnail", video.thumbnail().orElse(null));
        }));
        CallbackPayload payload = new CallbackPayload.Project(render.id(), project.owner(), type, Json.write(body));
        Instant now = clock.instant();
        Delivery pending = Delivery.pending(payload, url.get().toString(), now);
        if (deliveries.create(pending)) {
            queue.enqueue(pending.id(), Duration.ZERO);
            return;
        }
        // created by an earlier copy that stopped before its message went out: send it now
        boolean neverAttempted = deliveries.find(pending.id())
                .filter(existing -> existing.state() == DeliveryState.PENDING && existing.attempts() == 0).isPresent();
        if (neverAttempted) {
            queue.enqueue(pending.id(), Duration.ZERO);
        }
    }

}
