package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.service.InvoiceBatches.CounterKey;
import org.cloudmarket.billing.service.InvoiceBatches.UnpaidMark;
import org.junit.jupiter.api.Test;

/** A billing run's invoices written a group at a time: the transactions, their numbers, their unpaid marks. */
class InvoiceBatchesTest {

    private static RunInvoices.Group group(long first, int proceeds) {
        return new RunInvoices.Group(LongStream.range(first, first + proceeds).boxed().toList(), null, Instant.EPOCH, first);
    }

    @Test
    void groupsAreCutInTheirOrderByInvoicesAndProceeds() {
        List<RunInvoices.Group> groups = List.of(group(1, 10), group(20, 10), group(40, 10), group(60, 10), group(80, 10));

        assertThat(InvoiceBatches.cut(groups, 2, 1_000)).containsExactly(groups.subList(0, 2), groups.subList(2, 4), groups.subList(4, 5));
        assertThat(InvoiceBatches.cut(groups, 50, 25)).containsExactly(groups.subList(0, 2), groups.subList(2, 4), groups.subList(4, 5));
        assertThat(InvoiceBatches.cut(groups, 50, 1_000)).containsExactly(groups);
        assertThat(InvoiceBatches.cut(List.of(), 50, 1_000)).isEmpty();
    }

    @Test
    void aGroupLargerThanTheProceedsLimitIsATransactionOfItsOwn() {
        List<RunInvoices.Group> groups = List.of(group(1, 3), group(10, 500), group(600, 3));

        assertThat(InvoiceBatches.cut(groups, 50, 100)).containsExactly(List.of(groups.get(0)), List.of(groups.get(1)), List.of(groups.get(2)));
    }

    @Test
    void eachCounterGivesConsecutiveNumbersInTheInvoicesOrderTakenInIssuerOrder() {
        CounterKey tenant = new CounterKey(0, InvoiceKind.INVOICE, 2026);
        CounterKey reseller = new CounterKey(7, InvoiceKind.INVOICE, 2026);
        CounterKey other = new CounterKey(12, InvoiceKind.INVOICE, 2026);
        List<CounterKey> invoices = List.of(tenant, tenant, reseller, other, other, other);

        assertThat(InvoiceBatches.counts(invoices)).containsExactly(Map.entry(tenant, 2), Map.entry(reseller, 1), Map.entry(other, 3));
        // taken in issuer order whatever order the invoices name them in: two transactions never lock counters crosswise
        assertThat(InvoiceBatches.counts(List.of(other, reseller, tenant)).keySet()).containsExactly(tenant, reseller, other);
        assertThat(InvoiceBatches.numbers(invoices, Map.of(tenant, 41, reseller, 1, other, 9))).containsExactly(41, 42, 1, 9, 10, 11);
    }

    @Test
    void anInvoiceWithoutANumberTakenIsRefused() {
        CounterKey tenant = new CounterKey(0, InvoiceKind.INVOICE, 2026);

        assertThatThrownBy(() -> InvoiceBatches.numbers(List.of(tenant, new CounterKey(0, InvoiceKind.INVOICE, 2027)), Map.of(tenant, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPaidSubscriptionIsMarkedUnpaidOnceByTheFirstInvoiceBillingIt() {
        List<List<Long>> subscriptions = List.of(List.of(30L, 10L, 10L, 20L), List.of(20L, 40L), List.of(50L));

        assertThat(InvoiceBatches.unpaidMarks(subscriptions, Set.of(10L, 20L, 30L, 40L)))
                .containsExactly(new UnpaidMark(0, 10), new UnpaidMark(0, 20), new UnpaidMark(0, 30), new UnpaidMark(1, 40));
        assertThat(InvoiceBatches.unpaidMarks(subscriptions, Set.of())).isEmpty();
    }
}
