package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds up, per label, the client results that the label's instances stored under their
 * {@code client} locker key, so a test run across pods that came and went reads as one set of
 * counts: counts are summed, first responses take the earliest time and last responses the
 * latest. Latency percentiles cannot be added across instances, so they are left out.
 */
final class ResultsSummary {

    private static final String CLIENT_KEY = "client";
    private static final Set<String> NOT_ADDABLE = Set.of("latencyMillis", "targetLatencyMillis");

    private ResultsSummary() {
    }

    /** The summed results of every label that reported client results, by label. */
    static Map<String, ObjectNode> summary(
            Map<String, Map<String, Map<String, Lockers.Entry>>> lockers) {
        Map<String, ObjectNode> byLabel = new TreeMap<>();
        lockers.forEach((label, instances) -> {
            ObjectNode sum = null;
            for (Map<String, Lockers.Entry> locker : instances.values()) {
                Lockers.Entry entry = locker.get(CLIENT_KEY);
                JsonNode data = entry == null ? null : parse(entry.data());
                if (data != null && data.isObject()) {
                    sum = sum == null ? Json.MAPPER.createObjectNode() : sum;
                    add(sum, data, "");
                }
            }
            if (sum != null) {
                byLabel.put(label, sum);
            }
        });
        return byLabel;
    }

    /** The summed results broken down by target, by label and then target name. */
    static Map<String, Map<String, ObjectNode>> detailed(
            Map<String, Map<String, Map<String, Lockers.Entry>>> lockers) {
        Map<String, Map<String, ObjectNode>> byLabel = new TreeMap<>();
        summary(lockers).forEach((label, sum) -> {
            Map<String, ObjectNode> byTarget = new TreeMap<>();
            for (String target : targetsOf(sum)) {
                byTarget.put(target, targetView(sum, target));
            }
            byLabel.put(label, byTarget);
        });
        return byLabel;
    }

    private static Set<String> targetsOf(ObjectNode sum) {
        Set<String> targets = new LinkedHashSet<>();
        sum.path("targetInvocationCounts").fieldNames().forEachRemaining(targets::add);
        sum.path("countsByTargetStatusCode").fieldNames().forEachRemaining(targets::add);
        return targets;
    }

    private static ObjectNode targetView(ObjectNode sum, String target) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("target", target);
        view.put("invocationCounts", sum.path("targetInvocationCounts").path(target).asLong(0));
        copyIfPresent(view, "firstResponses", sum.path("targetFirstResponses").get(target));
        copyIfPresent(view, "lastResponses", sum.path("targetLastResponses").get(target));
        view.set("countsByStatus", objectOrEmpty(sum.path("countsByTargetStatus").get(target)));
        view.set("countsByStatusCodes",
                objectOrEmpty(sum.path("countsByTargetStatusCode").get(target)));
        view.set("countsByHeaders", objectOrEmpty(sum.path("countsByTargetHeaders").get(target)));
        view.set("countsByHeaderValues",
                objectOrEmpty(sum.path("countsByTargetHeaderValues").get(target)));
        return view;
    }

    private static void copyIfPresent(ObjectNode view, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            view.set(field, value);
        }
    }

    private static JsonNode objectOrEmpty(JsonNode value) {
        return value != null && value.isObject() ? value : Json.MAPPER.createObjectNode();
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Adds {@code from} into {@code into}: numbers are summed, objects recursed into, and times
     * under a {@code ...FirstResponses} or {@code ...LastResponses} field keep the earliest or
     * the latest. {@code field} is the top-level field being merged.
     */
    private static void add(ObjectNode into, JsonNode from, String field) {
        from.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String topField = field.isEmpty() ? name : field;
            if (field.isEmpty() && NOT_ADDABLE.contains(name)) {
                return;
            }
            if (value.isNumber()) {
                into.put(name, into.path(name).asLong(0) + value.asLong());
            } else if (value.isObject()) {
                JsonNode existing = into.get(name);
                ObjectNode target = existing instanceof ObjectNode o ? o : into.putObject(name);
                add(target, value, topField);
            } else if (value.isTextual() && isTimeField(topField)) {
                into.put(name, pickTime(into.path(name).asText(null), value.asText(),
                        topField.endsWith("LastResponses")));
            }
        });
    }

    private static boolean isTimeField(String field) {
        return field.endsWith("FirstResponses") || field.endsWith("LastResponses");
    }

    private static String pickTime(String current, String candidate, boolean latest) {
        if (current == null) {
            return candidate;
        }
        try {
            boolean candidateIsLater = OffsetDateTime.parse(candidate)
                    .isAfter(OffsetDateTime.parse(current));
            return candidateIsLater == latest ? candidate : current;
        } catch (DateTimeParseException e) {
            return current;
        }
    }
}
