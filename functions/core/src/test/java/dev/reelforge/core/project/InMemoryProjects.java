package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.Renders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects, their owners' balances and the renders they queue, in memory, each move as conditional as the DynamoDB
 * adapters' transactions ({@code DynamoDbProjects}, {@code DynamoDbCreditedRenders}).
 */
final class InMemoryProjects implements Projects, CreditedRenders, PublicLinks {

    private record Key(String owner, Environment environment, String id) {}

    private final Map<Key, StoredProject> projects = new HashMap<>();
    private final Map<Key, String> drafts = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    final Map<String, Long> balances = new HashMap<>();
    private final Renders renders;
    /** Run before each queuing write, as a concurrent request would be. */
    Runnable beforeQueue = () -> {};

    InMemoryProjects(Renders renders) {
        this.renders = renders;
    }

    @Override
    public Optional<StoredProject> find(String owner, Environment environment, String id) {
        return Optional.ofNullable(projects.get(new Key(owner, environment, id)));
    }

    @Override
    public Optional<StoredProject> findDraft(String owner, Environment environment) {
        return Optional.ofNullable(drafts.get(new Key(owner, environment, ""))).flatMap(id -> find(owner, environment, id));
    }

    @Override
    public boolean addDraft(StoredProject draft) {
        Key marker = new Key(draft.owner(), draft.environment(), "");
        if (drafts.containsKey(marker)) {
            return false;
        }
        drafts.put(marker, draft.id());
        projects.put(key(draft), draft);
        return true;
    }

    @Override
    public boolean replaceDraft(StoredProject updated, long expectedVersion) {
        StoredProject current = projects.get(key(updated));
        if (current == null || current.status() != ProjectStatus.INITIAL || current.version() != expectedVersion) {
            return false;
        }
        projects.put(key(updated), updated);
        return true;
    }

    @Override
    public boolean delete(String owner, Environment environment, String id) {
        StoredProject removed = projects.remove(new Key(owner, environment, id));
        if (removed == null) {
            return false;
        }
        drafts.remove(new Key(owner, environment, ""), id);
        links.remove(id);
        return true;
    }

    @Override
    public List<StoredProject> olderThan(String owner, Environment environment, Optional<Instant> before, int limit) {
        return new ArrayList<>();
    }

    @Override
    public List<StoredProject> newerThan(String owner, Environment environment, Instant after, int limit) {
        return new ArrayList<>();
    }

    @Override
    public Queuing queue(StoredProject draft, StoredProject processing, Render render, long credits) {
        beforeQueue.run();
        StoredProject current = projects.get(key(draft));
        if (current == null || current.status() != ProjectStatus.INITIAL || current.version() != draft.version()
                || !draft.id().equals(drafts.get(new Key(draft.owner(), draft.environment(), "")))) {
            return Queuing.DRAFT_CHANGED;
        }
        long balance = balances.getOrDefault(draft.owner(), -1L);
        if (balance < credits) {
            return Queuing.INSUFFICIENT_CREDITS;
        }
        balances.put(draft.owner(), balance - credits);
        renders.add(render);
        projects.put(key(processing), processing);
        drafts.remove(new Key(draft.owner(), draft.environment(), ""));
        return Queuing.QUEUED;
    }

    @Override
    public boolean failAndRefund(StoredProject processing, StoredProject failed, long credits) {
        if (!stillProcessing(processing)) {
            return false;
        }
        projects.put(key(failed), failed);
        balances.merge(processing.owner(), credits, Long::sum);
        return true;
    }

    @Override
    public boolean publish(StoredProject processing, StoredProject published) {
        if (!stillProcessing(processing)) {
            return false;
        }
        projects.put(key(published), published);
        if (published.project().privacy() == Privacy.PUBLIC) {
            links.put(published.id(), published.publication().orElseThrow().best().url());
        }
        return true;
    }

    @Override
    public Optional<java.net.URI> target(String projectId) {
        return Optional.ofNullable(links.get(projectId)).map(java.net.URI::create);
    }

    private boolean stillProcessing(StoredProject processing) {
        StoredProject current = projects.get(key(processing));
        return current != null && current.status() == ProjectStatus.PROCESSING
                && current.render().equals(processing.render());
    }

    private static Key key(StoredProject project) {
        return new Key(project.owner(), project.environment(), project.id());
    }
}
