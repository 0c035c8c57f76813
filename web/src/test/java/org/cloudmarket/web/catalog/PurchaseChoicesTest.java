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
            List.of(new ExtraResourceView(5, "contacts", "Contacts", "thousand", "PRE_PAID", true, null, "STAIRSTEP", null, null),
                    new ExtraResourceView(6, "cpu", "vCPU", "vCPU", "PAY_AS_YOU_GO", false, "cpu", "TIERED", null, null),
                    new ExtraResourceView(7, "disk", "Disk", "TB", "POST_PAID", false, null, "VOLUME", null, null)),
            List.of(), List.of(), null);

    @Test
    void aPlanOpensWithItsMinimumTermAndNoneOfItsChosenExtras() {
        PurchaseChoices choices = new PurchaseChoices();
        choices.startWith(QUARTERLY);
        assertThat(choices.getDuration()).isEqualTo(3);
        assertThat(choices.getExtras()).as("prepaid and post-paid, not pay-as-you-go").containsOnlyKeys("contacts", "disk")
                .containsEntry("contacts", 0L).containsEntry("disk", 0L);
        assertThat(PurchaseChoices.chosenExtras(QUARTERLY)).extracting(ExtraResourceView::code).containsExactly("contacts", "disk");
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
