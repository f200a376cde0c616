package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code POST /me/videos/{id}/render}: checks the caller's draft in Picovico's order (7401 style, 7402 music, 7403
 * assets, 7404 title; then the edit it makes, as any submitted edit is checked; then 7405 credits), and queues its
 * render: one atomic write debits the quality's credits, stores the render (with the lower qualities as renditions
 * and the project's id) and moves the project to {@code processing}. A draft that changed meanwhile is read again.
 */
public final class RenderProject {

    public static final int MUSIC_NOT_DEFINED = 7402;
    public static final int INSUFFICIENT_CREDITS = 7405;

    private final Projects projects;
    private final StyleBook styles;
    private final ProjectMedia media;
    private final EditChecks checks;
    private final CreditedRenders creditedRenders;
    private final Clock clock;
    private final Supplier<UUID> newId;

    public RenderProject(Projects projects, StyleBook styles, ProjectMedia media, EditChecks checks,
            CreditedRenders creditedRenders, Clock clock, Supplier<UUID> newId) {
        this.projects = projects;
        this.styles = styles;
        this.media = media;
        this.checks = checks;
        this.creditedRenders = creditedRenders;
        this.clock = clock;
        this.newId = newId;
    }

    public RenderProjectResult render(ProjectLookup command) {
        if (!ProjectId.isWellFormed(command.id())) {
            return new RenderProjectResult.NotFound();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredProject> found = projects.find(command.owner(), command.environment(), command.id());
            if (found.isEmpty()) {
                return new RenderProjectResult.NotFound();
            }
            StoredProject draft = found.get();
            if (draft.status() != ProjectStatus.INITIAL) {
                return new RenderProjectResult.NotADraft(draft.status());
            }
            Checked checked = check(draft);
            if (checked.refusal().isPresent()) {
                return checked.refusal().get();
            }
            ObjectNode edit = checked.edit().orElseThrow();
            UUID renderId = newId.get();
            Instant now = clock.instant();
            Render render = Render.queuedForProject(renderId, draft.owner(), draft.environment(), edit,
                    renditionsOf(draft.project().quality()), draft.id(), now);
            long cost = draft.project().quality().credits();
            switch (creditedRenders.queue(draft, draft.processing(renderId, now), render, cost)) {
                case QUEUED -> {
                    return new RenderProjectResult.Queued(renderId);
                }
                case INSUFFICIENT_CREDITS -> {
                    return new RenderProjectResult.Refused(INSUFFICIENT_CREDITS, "Insufficient credits amount: a render"
                            + " at " + draft.project().quality().height() + " costs " + cost
                            + " credits (GET /me shows the balance)");
                }
                case DRAFT_CHANGED -> {
                    // read it again: updated meanwhile, or rendered by a concurrent request
                }
            }
        }
        throw new IllegalStateException("the draft kept changing while its render was being queued");
    }

    /** The further sizes a quality's render makes besides its own: every lower quality. */
    public static List<Rendition> renditionsOf(ProjectQuality quality) {
        List<Rendition> renditions = new ArrayList<>();
        for (ProjectQuality lower : ProjectQuality.values()) {
            if (lower.height() < quality.height()) {
                renditions.add(new Rendition(Integer.toString(lower.height()), new Size(lower.width(), lower.height())));
            }
        }
        return renditions.reversed();
    }

    private record Checked(Optional<RenderProjectResult> refusal, Optional<ObjectNode> edit) {

        static Checked refused(RenderProjectResult refusal) {
            return new Checked(Optional.of(refusal), Optional.empty());
        }
    }

    private Checked check(StoredProject draft) {
        Project project = draft.project();
        RenderReadiness readiness = RenderReadiness.of(project, styles);
        if (readiness instanceof RenderReadiness.Refused refused
                && refused.code() == RenderReadiness.STYLE_NOT_DEFINED) {
            return Checked.refused(new RenderProjectResult.Refused(refused.code(), refused.message()));
        }
        Map<MediaRef, MediaResolver.ResolvedMedia> found = new HashMap<>();
        if (project.music().isPresent()) {
            MediaRef music = project.music().get().music();
            Optional<MediaResolver.ResolvedMedia> track = resolve(music, id -> media.music(draft.owner(),
                    draft.environment(), id));
            if (track.isEmpty()) {
                return Checked.refused(new RenderProjectResult.Refused(MUSIC_NOT_DEFINED,
                        "Music not defined: the music asset names no track of yours or of the library"
                                + " (GET /musics lists them), or one not ready yet"));
            }
            found.put(music, track.get());
        }
        if (readiness instanceof RenderReadiness.Refused refused
                && refused.code() == RenderReadiness.INSUFFICIENT_ASSETS) {
            return Checked.refused(new RenderProjectResult.Refused(refused.code(), refused.message()));
        }
        for (int i = 0; i < project.frames().size(); i++) {
            if (project.frames().get(i) instanceof Frame.Image image) {
                Optional<MediaResolver.ResolvedMedia> photo = resolve(image.photo(), id -> media.photo(draft.owner(),
                        draft.environment(), id));
                if (photo.isEmpty()) {
                    return Checked.refused(new RenderProjectResult.Refused(RenderReadiness.INSUFFICIENT_ASSETS,
                            "Insufficient assets: assets[" + i + "] names no photo of yours, or one not ready yet"));
                }
                found.put(image.photo(), photo.get());
            }
        }
        if (readiness instanceof RenderReadiness.Refused refused) {
            return Checked.refused(new RenderProjectResult.Refused(refused.code(), refused.message()));
        }
        Style style = ((RenderReadiness.Ready) readiness).style();
        Optional<URI> callback = draft.callbackUrl();
        if (callback.isPresent()) {
            Optional<String> refusal = checks.callbackRefusal(callback.get());
            if (refusal.isPresent()) {
                return Checked.refused(new RenderProjectResult.Invalid("callback_url cannot be called: "
                        + refusal.get()));
            }
        }
        ObjectNode edit = withThumbnail(ProjectEdit.of(project, style, found::get), style);
        List<Violation> problems = checks.problemsWith(edit);
        if (!problems.isEmpty()) {
            return Checked.refused(new RenderProjectResult.Invalid("The video cannot be rendered: "
                    + problems.stream().map(RenderProject::describe).collect(Collectors.joining("; "))));
        }
        return new Checked(Optional.empty(), Optional.of(edit));
    }

    private static Optional<MediaResolver.ResolvedMedia> resolve(MediaRef ref,
            java.util.function.Function<String, Optional<ProjectMedia.FoundMedia>> byId) {
        return switch (ref) {
            case MediaRef.Url url -> Optional.of(new MediaResolver.ResolvedMedia(url.url(), OptionalDouble.empty()));
            case MediaRef.Id id -> byId.apply(id.id()).filter(ProjectMedia.FoundMedia::ready)
                    .map(media -> new MediaResolver.ResolvedMedia(media.source(), media.seconds()));
        };
    }

    /**
     * The thumbnail Picovico shows, a full-size frame of the first slide after the intro (captured by the encoder
     * with the video; renditions get theirs from the same moment).
     */
    private static ObjectNode withThumbnail(ObjectNode edit, Style style) {
        ((ObjectNode) edit.get("output")).putObject("thumbnail")
                .put("capture", style.intro().length() + style.slideLength() / 2).put("scale", 1);
        return edit;
    }

    private static String describe(Violation violation) {
        return violation.path().isRoot() ? violation.problem() : violation.path().text() + ": " + violation.problem();
    }
}
