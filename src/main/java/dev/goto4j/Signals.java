package dev.goto4j;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop. A plain shutdown hook would make the JVM exit
 * with 143 after SIGTERM; Kubernetes and scripts expect 0 from a clean stop.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable stop) {
        Signal.handle(new Signal("TERM"), signal -> stop.run());
        Signal.handle(new Signal("INT"), signal -> stop.run());
    }
}
