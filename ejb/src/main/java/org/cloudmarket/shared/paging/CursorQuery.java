package org.cloudmarket.shared.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL of one cursor page of a list (orders, subscriptions, invoices): the caller's scope, the
 * rows before the cursor, the optional filters (a null filter takes all), newest first. Paths and
 * the scope come from code, never from the request; every value is bound as a parameter.
 */
public final class CursorQuery {

    private final String entity;
    private final String alias;
    private final StringBuilder where;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final PageRequest page;

    private CursorQuery(String entity, String alias, String scopeJpql, PageRequest page) {
        this.entity = entity;
        this.alias = alias;
        this.where = new StringBuilder(scopeJpql).append(" AND ").append(alias).append(".id < :before");
        this.page = page;
        parameters.put("before", page.beforeId());
    }

    /** {@code scopeJpql}: the scope's condition on {@code alias} (PartyScope.jpql, InvoiceVisibility.jpql). */
    public static CursorQuery of(String entity, String alias, String scopeJpql, PageRequest page) {
        return new CursorQuery(entity, alias, scopeJpql, page);
    }

    /** A parameter the scope's condition names, when it names one. */
    public CursorQuery bindIf(boolean bound, String name, Object value) {
        if (bound) {
            parameters.put(name, value);
        }
        return this;
    }

    /** {@code path = value}, unless the value is null. */
    public CursorQuery equal(String path, Object value) {
        return when(value, path + " = ");
    }

    /** {@code path} in [from, to), each bound left out when null. */
    public CursorQuery within(String path, Object from, Object to) {
        return when(from, path + " >= ").when(to, path + " < ");
    }

    private CursorQuery when(Object value, String condition) {
        if (value != null) {
            String name = "p" + parameters.size();
            where.append(" AND ").append(condition).append(':').append(name);
            parameters.put(name, value);
        }
        return this;
    }

    /** The page's rows, one more than shown (PageRequest.fetch), for Page.of. */
    public <T> List<T> rows(EntityManager entityManager, Class<T> type) {
        TypedQuery<T> query = entityManager.createQuery(jpql(), type).setMaxResults(page.fetch());
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    String jpql() {
        return "SELECT " + alias + " FROM " + entity + " " + alias + " WHERE " + where + " ORDER BY " + alias + ".id DESC";
    }

    Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
