package dev.goto4j.server;

/**
 * One step of the runtime pipeline. A stage either answers the request itself or calls
 * {@link Exchange#proceed()} to hand it to the next stage, now or later (a delay proceeds from a
 * timer). Stages run on the event loop and never block.
 */
@FunctionalInterface
public interface RuntimeStage {

    void handle(Exchange exchange);
}
