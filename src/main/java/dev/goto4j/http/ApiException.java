package dev.goto4j.http;

import java.util.List;

/**
 * A failure that reaches an API caller as the one error shape of goto: a status, a sentence and
 * the problems that caused it. Thrown by admin handlers; turned into a reply by {@link Replies}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<Problem> problems;

    public ApiException(int status, String error, List<Problem> problems) {
        super(error, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException badRequest(String error, Problem... problems) {
        return new ApiException(400, error, List.of(problems));
    }

    public static ApiException invalid(String error, Problem... problems) {
        return new ApiException(422, error, List.of(problems));
    }

    public static ApiException invalid(String error, List<Problem> problems) {
        return new ApiException(422, error, problems);
    }

    public static ApiException notFound(String what, String name) {
        return new ApiException(404, what + " not found: " + name,
                List.of(Problem.of(what, name, "the name of an existing " + what)));
    }

    public static ApiException conflict(String what, String name) {
        return new ApiException(409, what + " already exists: " + name,
                List.of(Problem.of(what, name, "a name not taken yet")));
    }

    public static ApiException forbidden(String error) {
        return new ApiException(403, error, List.of());
    }

    public int status() {
        return status;
    }

    public String error() {
        return getMessage();
    }

    public List<Problem> problems() {
        return problems;
    }
}
