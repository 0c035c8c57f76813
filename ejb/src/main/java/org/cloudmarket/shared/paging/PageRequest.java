package org.cloudmarket.shared.paging;

import org.cloudmarket.shared.error.InvalidInput;

/** Where a page starts (the cursor's id, exclusive; none: the newest) and how many rows it holds (1 to 100, default 20). */
public record PageRequest(Long before, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is 1 to " + MAX_LIMIT);
        }
    }

    /** From the API's query parameters: {@code cursor} as handed out, {@code limit} or the default. */
    public static PageRequest of(String cursor, Integer limit) {
        return new PageRequest(cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor), limit == null ? DEFAULT_LIMIT : limit);
    }

    /** The id bound for {@code id < :before}: past every id when starting. */
    public long beforeId() {
        return before == null ? Long.MAX_VALUE : before;
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }
}
