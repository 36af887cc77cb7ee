package dev.goto4j.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Output markers: named fields of a command's output line, passed on to successor jobs. */
final class Markers {

    private static final Pattern REFERENCE = Pattern.compile("\\{[\\w.-]+}");

    private Markers() {
    }

    /** The fields of {@code line} named by the task's markers (positions start at 1). */
    static Map<String, String> extract(String line, JobTask.Command task) {
        Map<String, String> found = new LinkedHashMap<>();
        if (task.outputMarkers() == null || task.outputMarkers().isEmpty()) {
            return found;
        }
        String[] fields = line.trim().split(Pattern.quote(task.separator()));
        task.outputMarkers().forEach((position, name) -> {
            if (position >= 1 && position <= fields.length) {
                found.put(name, fields[position - 1]);
            }
        });
        return found;
    }

    /** Replaces each {@code {name}} in {@code text} by a plain word, to check what it makes. */
    static String placeholder(String text) {
        return text == null ? null : REFERENCE.matcher(text).replaceAll("marker");
    }

    /** Replaces each {@code {name}} in {@code text} by its marker value. */
    static String substitute(String text, Map<String, String> markers) {
        if (text == null || markers.isEmpty() || text.indexOf('{') < 0) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> marker : markers.entrySet()) {
            result = result.replace("{" + marker.getKey() + "}", marker.getValue());
        }
        return result;
    }
}
