package org.cloudmarket.shared.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list, newest first, with the cursor of the next page (null on the last). Lists page
 * by id ({@code id < :before ORDER BY id DESC}), so a page costs the same however deep it is and
 * rows written meanwhile never shift it.
 */
@jakarta.json.bind.annotation.JsonbNillable
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** From {@code limit + 1} rows fetched: the extra row only says that there is a next page. */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, ToLongFunction<E> id, Function<E, T> view) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? Cursor.encode(id.applyAsLong(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
