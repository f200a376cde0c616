package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.CanonicalJson;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks an edit completely (against the contract, then against what the renderer supports) and, if it
 * can be rendered, stores it as a queued render. A {@code callback} URL must be one callbacks can be sent to
 * (a public address): one that could never be called is refused now rather than dead-lettered later.
 *
 * <p>Under an idempotency key (Stripe's semantics) the first request that is valid makes the render and is
 * recorded with it; for {@link #KEY_LIFETIME} a request with the same key and the same body (equal as JSON, see
 * {@link CanonicalJson}) gets that render again, without being checked again, and one with another body is
 * refused. A request refused as invalid is not recorded, so the client may fix it and send it under the same key.
 * Concurrent requests under one key make one render: the record is written on condition that the key has no live
 * one, and the losers answer with the winner's.
 */
public final class SubmitRender {

    /** How long a key is remembered: Stripe's 24 hours. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final Renders renders;
    private final IdempotencyKeys idempotencyKeys;
    private final EditChecks checks;
    private final Clock clock;
    private final Supplier<UUID> newId;

    public SubmitRender(Renders renders, IdempotencyKeys idempotencyKeys, EditValidator validator,
            CallbackUrlCheck callbackUrlCheck, Clock clock, Supplier<UUID> newId) {
        this(renders, idempotencyKeys, new EditChecks(validator, callbackUrlCheck), clock, newId);
    }

    public SubmitRender(Renders renders, IdempotencyKeys idempotencyKeys, EditChecks checks, Clock clock,
            Supplier<UUID> newId) {
        this.renders = renders;
        this.idempotencyKeys = idempotencyKeys;
        this.checks = checks;
        this.clock = clock;
        this.newId = newId;
    }

    public SubmitRenderResult submit(SubmitRenderCommand command) {
        Instant now = clock.instant();
        return command.idempotencyKey().map(key -> submitUnder(key, command, now))
                .orElseGet(() -> submitOnce(command, now));
    }

    private SubmitRenderResult submitOnce(SubmitRenderCommand command, Instant now) {
        Optional<SubmitRenderResult.Invalid> invalid = problemsWith(command.edit());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Render render = Render.queued(newId.get(), command.owner(), command.environment(), command.edit(),
                command.template(), now);
        renders.add(render);
        return new SubmitRenderResult.Queued(render.id());
    }

    private SubmitRenderResult submitUnder(IdempotencyKey key, SubmitRenderCommand command, Instant now) {
        String requestHash = CanonicalJson.sha256(command.edit());
        Optional<IdempotencyRecord> earlier = idempotencyKeys.find(command.owner(), command.environment(), key)
                .filter(record -> record.isLiveAt(now));
        if (earlier.isPresent()) {
            return answerAgain(earlier.get(), requestHash);
        }
        Optional<SubmitRenderResult.Invalid> invalid = problemsWith(command.edit());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Render render = Render.queued(newId.get(), command.owner(), command.environment(), command.edit(),
                command.template(), now);
        IdempotencyRecord record = new IdempotencyRecord(key, requestHash, render.id(), now.plus(KEY_LIFETIME));
        return idempotencyKeys.addUnlessTaken(render, record, now)
                .map(winner -> answerAgain(winner, requestHash))
                .orElseGet(() -> new SubmitRenderResult.Queued(render.id()));
    }

    private static SubmitRenderResult answerAgain(IdempotencyRecord earlier, String requestHash) {
        return earlier.requestHash().equals(requestHash) ? new SubmitRenderResult.Replayed(earlier.renderId())
                : new SubmitRenderResult.KeyReused(earlier.key());
    }

    private Optional<SubmitRenderResult.Invalid> problemsWith(JsonNode edit) {
        List<Violation> violations = checks.problemsWith(edit);
        return violations.isEmpty() ? Optional.empty() : Optional.of(new SubmitRenderResult.Invalid(violations));
    }

    /** The edit's callback URL (merge fields applied), which the contract has already checked is a URL. */
    public static Optional<URI> callbackOf(JsonNode merged) {
        JsonNode callback = merged.path("callback");
        return callback.isTextual() && !callback.asText().isBlank() ? Optional.of(URI.create(callback.asText()))
                : Optional.empty();
    }
}
