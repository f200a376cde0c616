package dev.reelforge.core.template;

import dev.reelforge.core.Environment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Templates in a map, keyed by owner and id as the table is; changes conditional on the environment as its are. */
final class InMemoryTemplates implements Templates {

    private record Key(String owner, UUID id) {}

    private final Map<Key, Template> templates = new LinkedHashMap<>();

    @Override
    public void add(Template template) {
        if (templates.putIfAbsent(new Key(template.owner(), template.id()), template) != null) {
            throw new DuplicateTemplateException(template.id());
        }
    }

    @Override
    public Optional<Template> find(String owner, UUID id) {
        return Optional.ofNullable(templates.get(new Key(owner, id)));
    }

    @Override
    public boolean replace(Template template) {
        Key key = new Key(template.owner(), template.id());
        Template stored = templates.get(key);
        if (stored == null || stored.environment() != template.environment()) {
            return false;
        }
        templates.put(key, template);
        return true;
    }

    @Override
    public boolean remove(String owner, Environment environment, UUID id) {
        Template stored = templates.get(new Key(owner, id));
        if (stored == null || stored.environment() != environment) {
            return false;
        }
        templates.remove(new Key(owner, id));
        return true;
    }

    @Override
    public List<TemplateSummary> list(String owner, Environment environment, int limit) {
        return templates.values().stream()
                .filter(template -> template.owner().equals(owner) && template.environment() == environment)
                .sorted(Comparator.comparing(Template::created).reversed())
                .limit(limit)
                .map(template -> new TemplateSummary(template.id(), template.name(), template.created(),
                        template.updated()))
                .toList();
    }

    @Override
    public int count(String owner, Environment environment) {
        return (int) templates.values().stream()
                .filter(template -> template.owner().equals(owner) && template.environment() == environment)
                .count();
    }
}
