package dev.goto4j.server;

/**
 * Caps on what the server counts by name seen in traffic, so that memory stays bounded however
 * many distinct values clients send. Past a cap, counting goes on under an overflow key.
 *
 * @param maxTrackedValues distinct values counted per tracked header, and distinct paths counted
 */
public record CountLimits(int maxTrackedValues) {
}
