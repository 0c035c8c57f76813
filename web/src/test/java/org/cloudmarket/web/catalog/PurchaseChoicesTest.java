package org.cloudmarket.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.catalog.service.PlanView;
import org.junit.jupiter.api.Test;

class PurchaseChoicesTest {

    private static final PlanView QUARTERLY = new PlanView(1, "Growth", "EUR", new BigDecimal("39.00"), new BigDecimal("39.00"),
            BigDecimal.ZERO, 1, "MONTHS", 3, false, false, false, List.of("BANK_TRANSFER"),
            List.of(new ExtraResourceView(5, "contacts", "Contacts", "thousand", true, "STAIRSTEP", null),
                    new ExtraResourceView(6, "cpu", "vCPU", "vCPU", false, "TIERED", null)),
            List.of(), List.of());

    @Test
    void aPlanOpensWithItsMinimumTermAndNoneOfItsPrepaidExtras() {
        PurchaseChoices choices = new PurchaseChoices();
        choices.startWith(QUARTERLY);
        assertThat(choices.getDuration()).isEqualTo(3);
        assertThat(choices.getExtras()).containsOnlyKeys("contacts").containsEntry("contacts", 0L);
        assertThat(PurchaseChoices.prepaidExtras(QUARTERLY)).extracting(ExtraResourceView::code).containsExactly("contacts");
    }

    @Test
    void onlyTheQuantitiesTypedAreAskedFor() {
        PurchaseChoices choices = new PurchaseChoices();
        choices.startWith(QUARTERLY);
        assertThat(choices.asked()).isEmpty();
        choices.getExtras().put("contacts", 2L);
        choices.getExtras().put("seats", null);
        choices.getExtras().put("storage", -1L);
        assertThat(choices.asked()).containsOnlyKeys("contacts", "storage").containsEntry("storage", -1L);
    }
}
