package org.cloudmarket.shared.idempotency;

/** What reserving a key gave the request: run it, replay the first answer, or refuse it. */
public sealed interface Reservation {

    /** The key is this request's: it runs, and its answer is stored under the row's id. */
    record Reserved(long id) implements Reservation {
    }

    /** The key's first request is done and had this very body: its answer again. */
    record Replay(StoredAnswer answer) implements Reservation {
    }

    /** The key's first request is still running: 409. */
    record Running() implements Reservation {
    }

    /** The key was used with another body: 422 naming the header. */
    record OtherBody() implements Reservation {
    }
}
