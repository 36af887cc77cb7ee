package dev.goto4j.job;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a command's output line by line, cutting a line past {@link #MAX_LINE_CHARS} so that
 * one endless line cannot fill the heap; what was cut is said at the end of the line.
 */
final class OutputLines {

    static final int MAX_LINE_CHARS = 64 * 1024;

    private final BufferedReader in;

    OutputLines(BufferedReader in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end of the output. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        long dropped = 0;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() < MAX_LINE_CHARS) {
                line.append((char) c);
            } else {
                dropped++;
            }
            c = in.read();
        }
        if (dropped == 0 && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return dropped == 0 ? line.toString()
                : line + " [" + dropped + " more characters cut]";
    }
}
