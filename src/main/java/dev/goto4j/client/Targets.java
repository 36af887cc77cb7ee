package dev.goto4j.client;

import dev.goto4j.http.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured targets by name, in the order they were added. Admin calls only. */
final class Targets {

    private final Map<String, Target> byName = new LinkedHashMap<>();

    /** Adds or replaces a target by name, as goto always has. */
    synchronized void put(Target target) {
        byName.put(target.name(), target);
    }

    synchronized boolean has(String name) {
        return byName.containsKey(name);
    }

    synchronized List<Target> all() {
        return List.copyOf(byName.values());
    }

    /** The named targets, or 404 naming every unknown one; nothing else happens then. */
    synchronized List<Target> named(List<String> names) {
        return Names.requireAll(names, byName::get, "target");
    }

    synchronized void remove(List<String> names) {
        named(names);
        names.forEach(byName::remove);
    }

    synchronized void clear() {
        byName.clear();
    }
}
