package dev.goto4j.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Targets or jobs kept at the registry for each peer label, as the JSON they were given in. The
 * registry does not interpret them: each peer validates and runs them through its own API.
 */
final class PeerConfigs {

    private final String kind;
    private final String idField;
    private final String peerPath;
    private final Map<String, Map<String, ObjectNode>> byLabel = new ConcurrentHashMap<>();

    /**
     * @param kind "target" or "job"
     * @param idField the field naming an item
     * @param peerPath where a peer's admin API keeps them, such as "/client/targets"
     */
    PeerConfigs(String kind, String idField, String peerPath) {
        this.kind = kind;
        this.idField = idField;
        this.peerPath = peerPath;
    }

    String kind() {
        return kind;
    }

    /** The kind as the registry's paths name them: "targets" or "jobs". */
    String plural() {
        return kind + "s";
    }

    /** A path of a peer's admin API about these items, such as {@code peerPath("clear")}. */
    String peerPath(String rest) {
        return peerPath + "/" + rest;
    }

    String idOf(ObjectNode item) {
        return item.path(idField).asText("");
    }

    /** Adds or replaces an item for a label. */
    void put(String label, ObjectNode item) {
        Map<String, ObjectNode> items = byLabel.computeIfAbsent(label, l -> new LinkedHashMap<>());
        synchronized (items) {
            items.put(idOf(item), item);
        }
    }

    /** Adds an item for a label; an id already taken is refused with 409. */
    void putNew(String label, ObjectNode item) {
        Map<String, ObjectNode> items = byLabel.computeIfAbsent(label, l -> new LinkedHashMap<>());
        synchronized (items) {
            if (items.containsKey(idOf(item))) {
                throw ApiException.conflict(kind, label + "/" + idOf(item));
            }
            items.put(idOf(item), item);
        }
    }

    boolean has(String label) {
        return byLabel.containsKey(label);
    }

    /** Removes named items; unknown names are refused before anything is removed. */
    void remove(String label, List<String> ids) {
        Map<String, ObjectNode> items = byLabel.getOrDefault(label, Map.of());
        synchronized (items) {
            requireAll(label, items, ids);
            ids.forEach(items::remove);
        }
    }

    /** Checks that every id names an item of the label. */
    void requireAll(String label, List<String> ids) {
        Map<String, ObjectNode> items = byLabel.getOrDefault(label, Map.of());
        synchronized (items) {
            requireAll(label, items, ids);
        }
    }

    private void requireAll(String label, Map<String, ObjectNode> items, List<String> ids) {
        for (String id : ids) {
            if (!items.containsKey(id)) {
                throw ApiException.notFound(kind, label + "/" + id);
            }
        }
    }

    void clear(String label) {
        byLabel.remove(label);
    }

    void clearAll() {
        byLabel.clear();
    }

    List<ObjectNode> of(String label) {
        Map<String, ObjectNode> items = byLabel.getOrDefault(label, Map.of());
        synchronized (items) {
            return new ArrayList<>(items.values());
        }
    }

    /** Every label's items, by label and id. */
    Map<String, Map<String, ObjectNode>> all() {
        Map<String, Map<String, ObjectNode>> all = new TreeMap<>();
        byLabel.forEach((label, items) -> {
            synchronized (items) {
                all.put(label, new LinkedHashMap<>(items));
            }
        });
        return all;
    }
}
