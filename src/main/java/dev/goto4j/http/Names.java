package dev.goto4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Finds the items a call names in its path, such as {@code /client/targets/t1,t2/stop}. */
public final class Names {

    private Names() {
    }

    /**
     * The items {@code lookup} finds for {@code names}, in the order named. When any name is
     * unknown, 404 naming every unknown one, so that a call naming one changes nothing.
     *
     * @param lookup the item of a name, or null when there is none
     * @param what what one item is called in the error, such as "proxy target"
     */
    public static <T> List<T> requireAll(List<String> names, Function<String, T> lookup,
                                         String what) {
        List<T> found = new ArrayList<>(names.size());
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            T item = lookup.apply(name);
            if (item == null) {
                unknown.add(name);
            } else {
                found.add(item);
            }
        }
        if (!unknown.isEmpty()) {
            String list = String.join(",", unknown);
            throw new ApiException(404, what + " not found: " + list,
                    List.of(Problem.of("targets", list, "names of configured " + what + "s")));
        }
        return found;
    }
}
