package dev.reelforge.core.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Videos in a map, with the port's conditional rules: listed until unlisted, due ones keep their rule. */
public final class InMemoryVideos implements Videos {

    private final Map<UUID, Video> videos = new LinkedHashMap<>();
    private final Set<UUID> listed = new HashSet<>();
    private final Set<UUID> expiring = new HashSet<>();
    private final Map<UUID, Instant> claims = new HashMap<>();

    @Override
    public boolean add(Video video) {
        if (videos.putIfAbsent(video.id(), video) != null) {
            return false;
        }
        listed.add(video.id());
        return true;
    }

    @Override
    public Optional<Video> find(UUID id) {
        return Optional.ofNullable(videos.get(id));
    }

    @Override
    public boolean describe(UUID id, String owner, Optional<String> title, Optional<String> description) {
        Video video = videos.get(id);
        if (video == null || !video.owner().equals(owner)) {
            return false;
        }
        videos.put(id, new Video(id, owner, video.environment(), video.renderId(), video.added(),
                title.orElse(video.title()), description.orElse(video.description()), video.protection(),
                video.length(), video.fileSize(), video.url(), video.expiration()));
        return true;
    }

    @Override
    public boolean setExpiration(UUID id, String owner, ExpirationRule rule, Instant now) {
        Video video = videos.get(id);
        if (video == null || !video.owner().equals(owner) || isDue(id, now)) {
            return false;
        }
        videos.put(id, new Video(id, owner, video.environment(), video.renderId(), video.added(), video.title(),
                video.description(), video.protection(), video.length(), video.fileSize(), video.url(), rule));
        if (rule instanceof ExpirationRule.AtGivenTime) {
            expiring.add(id);
        } else {
            expiring.remove(id);
        }
        return true;
    }

    private boolean isDue(UUID id, Instant now) {
        return expiring.contains(id) && videos.get(id).expiration() instanceof ExpirationRule.AtGivenTime(
                Instant expiresAt) && !expiresAt.isAfter(now);
    }

    @Override
    public void unlist(UUID id) {
        listed.remove(id);
        expiring.remove(id);
    }

    @Override
    public VideoPage listed(String channel, int offset, int limit) {
        List<Video> inChannel = videos.values().stream()
                .filter(video -> listed.contains(video.id()) && video.channel().equals(channel))
                .sorted(Comparator.comparing(Video::added).reversed())
                .toList();
        List<Video> page = new ArrayList<>(inChannel.subList(Math.min(offset, inChannel.size()),
                Math.min(offset + limit, inChannel.size())));
        return new VideoPage(page, inChannel.size() > offset + limit);
    }

    @Override
    public List<UUID> dueBy(Instant now, int limit) {
        return expiring.stream().filter(id -> isDue(id, now)).limit(limit).toList();
    }

    @Override
    public Optional<Instant> claimExpiration(UUID id, Instant now) {
        if (!isDue(id, now)) {
            return Optional.empty();
        }
        return Optional.of(claims.computeIfAbsent(id, claimed -> now));
    }

    @Override
    public void finishExpiration(UUID id) {
        expiring.remove(id);
        listed.remove(id);
    }

    /** Whether the video is still in its channel's listing. */
    public boolean isListed(UUID id) {
        return listed.contains(id);
    }

    /** Whether the video is still in the sweep's index. */
    public boolean isExpiring(UUID id) {
        return expiring.contains(id);
    }
}
