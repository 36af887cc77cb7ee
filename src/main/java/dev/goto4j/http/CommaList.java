package dev.goto4j.http;

import java.util.ArrayList;
import java.util.List;

/** Splits the comma-separated lists that goto paths carry ({@code /client/targets/t1,t2/stop}). */
public final class CommaList {

    private CommaList() {
    }

    /** The trimmed, non-empty items of a comma list, in order. */
    public static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    /** Like {@link #split} but refuses an empty list, naming the path parameter. */
    public static List<String> required(String field, String text) {
        List<String> items = split(text);
        if (items.isEmpty()) {
            throw ApiException.badRequest("missing " + field,
                    Problem.of(field, text, "one or more comma-separated names"));
        }
        return items;
    }
}
