package org.cloudmarket.billing.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cloudmarket.billing.domain.InvoiceKind;

/**
 * The pure rules of a billing run's invoices step written a group of invoices at a time (RunInvoiceWrites): how the
 * invoice groups are cut into transactions, how one transaction numbers its invoices from the counters, and which
 * invoice marks which subscription unpaid.
 */
final class InvoiceBatches {

    private InvoiceBatches() {
    }

    /** The counter an invoice takes its number from: the issuer's (0 = the tenant) series and year, in issuer order. */
    record CounterKey(long issuerKey, InvoiceKind kind, int year) implements Comparable<CounterKey> {
        @Override
        public int compareTo(CounterKey other) {
            int byIssuer = Long.compare(issuerKey, other.issuerKey);
            if (byIssuer != 0) {
                return byIssuer;
            }
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : Integer.compare(year, other.year);
        }
    }

    /** A subscription one invoice of the transaction marks unpaid (its index among the transaction's invoices). */
    record UnpaidMark(int invoice, long subscriptionId) {
    }

    /**
     * The groups, in their order, cut into transactions of at most {@code maxInvoices} invoices and, unless one group alone
     * bills more, {@code maxProceeds} proceeds.
     */
    static List<List<RunInvoices.Group>> cut(List<RunInvoices.Group> groups, int maxInvoices, int maxProceeds) {
        List<List<RunInvoices.Group>> batches = new ArrayList<>();
        List<RunInvoices.Group> batch = new ArrayList<>();
        int proceeds = 0;
        for (RunInvoices.Group group : groups) {
            int size = group.proceedIds().size();
            if (!batch.isEmpty() && (batch.size() >= maxInvoices || proceeds + size > maxProceeds)) {
                batches.add(batch);
                batch = new ArrayList<>();
                proceeds = 0;
            }
            batch.add(group);
            proceeds += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** How many numbers each counter gives the transaction's invoices; taken (locked) in this map's order, the issuers'. */
    static SortedMap<CounterKey, Integer> counts(List<CounterKey> invoices) {
        SortedMap<CounterKey, Integer> counts = new TreeMap<>();
        invoices.forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts;
    }

    /**
     * The counter value of each invoice: each counter's numbers from its first, given in the invoices' order, as one
     * invoice a transaction took them one after the other.
     */
    static List<Integer> numbers(List<CounterKey> invoices, Map<CounterKey, Integer> firsts) {
        Map<CounterKey, Integer> next = new TreeMap<>(firsts);
        List<Integer> numbers = new ArrayList<>(invoices.size());
        for (CounterKey key : invoices) {
            Integer number = next.get(key);
            if (number == null) {
                throw new IllegalArgumentException("No number taken from counter " + key);
            }
            numbers.add(number);
            next.put(key, number + 1);
        }
        return numbers;
    }

    /**
     * The unpaid marks of the transaction's invoices (each with its subscriptions' ids), as one invoice after the other
     * would mark them: a subscription paid so far is marked by the first invoice that bills it, the marks in the invoices'
     * order and, within one, in subscription id order.
     */
    static List<UnpaidMark> unpaidMarks(List<List<Long>> subscriptionsPerInvoice, Set<Long> paid) {
        Set<Long> marked = new HashSet<>();
        List<UnpaidMark> marks = new ArrayList<>();
        for (int invoice = 0; invoice < subscriptionsPerInvoice.size(); invoice++) {
            for (long subscription : subscriptionsPerInvoice.get(invoice).stream().distinct().sorted().toList()) {
                if (paid.contains(subscription) && marked.add(subscription)) {
                    marks.add(new UnpaidMark(invoice, subscription));
                }
            }
        }
        return marks;
    }
}
