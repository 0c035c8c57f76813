package org.cloudmarket.shared.idempotency;

/**
 * What the first request with a key answered, replayed to every retry: the status, the headers a
 * client acts on (Content-Type, Location), and the body's bytes as they were sent.
 */
public record StoredAnswer(int status, String contentType, String location, byte[] body) {

    /** Larger answers keep their status and headers only (no POST of the API answers that much). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Kept are the answers a retry must see again: successes and refusals of the input (4xx).
     * A 5xx (or an exception) is not the request's answer but a failure to give one: the key is
     * released so that a retry runs.
     */
    public static boolean kept(int status) {
        return status < 500;
    }
}
