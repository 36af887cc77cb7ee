package dev.goto4j.server;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import io.vertx.core.http.HttpHeaders;

/** Answers {@code /status/{code}} with that status, so clients can be handed any failure. */
final class StatusResponder {

    private StatusResponder() {
    }

    /** The status code in {@code text}, or 0 if it is not a code between 100 and 599. */
    static int parseCode(String text) {
        int end = text.indexOf('/');
        String code = end < 0 ? text : text.substring(0, end);
        if (code.length() != 3) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 100 && value <= 599 ? value : 0;
    }

    static void answer(Exchange exchange, String codeText) {
        int code = parseCode(codeText);
        if (code == 0) {
            Replies.error(exchange.response(), ApiException.badRequest(
                    "invalid status: " + codeText,
                    Problem.of("status", codeText, "a status code from 100 to 599")));
            return;
        }
        exchange.response().setStatusCode(exchange.statusOr(code))
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end("Requested status: " + code + "\n");
    }
}
