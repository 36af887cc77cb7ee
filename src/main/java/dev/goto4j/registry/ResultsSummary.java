package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Adds up the client results that instances stored under their {@code client} locker key, so a
 * test run across pods that came and went reads as one set of counts.
 */
final class ResultsSummary {

    private static final String CLIENT_KEY = "client";

    private ResultsSummary() {
    }

    /** Sums every counts field; {@code detailed} keeps them per target, else per field only. */
    static ObjectNode of(Map<String, Map<String, Map<String, Lockers.Entry>>> lockers,
                         boolean detailed) {
        ObjectNode sum = Json.MAPPER.createObjectNode();
        lockers.values().forEach(instances -> instances.values().forEach(locker -> {
            Lockers.Entry entry = locker.get(CLIENT_KEY);
            if (entry != null) {
                add(sum, parse(entry.data()));
            }
        }));
        if (!detailed) {
            for (Iterator<String> names = sum.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("countsByTarget")) {
                    names.remove();
                }
            }
        }
        return sum;
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** Adds numbers found in {@code from} into {@code into}, recursing into objects. */
    private static void add(ObjectNode into, JsonNode from) {
        if (from == null || !from.isObject()) {
            return;
        }
        from.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                into.put(field.getKey(), into.path(field.getKey()).asLong(0) + value.asLong());
            } else if (value.isObject()) {
                JsonNode existing = into.get(field.getKey());
                ObjectNode target = existing instanceof ObjectNode o ? o
                        : into.putObject(field.getKey());
                add(target, value);
            }
        });
    }
}
