package dev.reelforge.core.callback;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A receiver whose answers a test scripts (the last one repeats), recording what was posted. Real receivers
 * are exercised by the guarded poster's own tests; here the answers are the point.
 */
final class ScriptedCallbackPoster implements CallbackPoster {

    record Post(URI url, Map<String, String> headers, String body) {}

    private final Deque<PostOutcome> outcomes = new ArrayDeque<>();
    final List<Post> posts = new ArrayList<>();

    ScriptedCallbackPoster answering(PostOutcome... script) {
        outcomes.clear();
        outcomes.addAll(List.of(script));
        return this;
    }

    @Override
    public PostOutcome post(URI url, Map<String, String> headers, String body) {
        posts.add(new Post(url, Map.copyOf(headers), body));
        return outcomes.size() > 1 ? outcomes.removeFirst() : outcomes.getFirst();
    }
}
