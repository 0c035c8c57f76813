package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.junit.jupiter.api.Test;

class PartyTest {

    @Test
    void aPartyCopiesTheBillingDetailsAnOrganizationKeeps() {
        Party party = Party.of(BillingDetailsRules.customer(new BillingDetailsInput("COMPANY", "Muster GmbH", "Hauptstrasse 5",
                "Berlin", "10115", "DE", "DE123456789", null, null, null, null, null)));

        assertThat(party).isEqualTo(new Party("Muster GmbH", PartyKind.COMPANY, "Hauptstrasse 5", "Berlin", "10115", "DE",
                "DE123456789", null, null, null));
        assertThat(new TaxPolicy(Map.of()).treatment(Parties.ACME_IT, party).category()).isEqualTo("AE");
    }

    @Test
    void aBlankVatNumberIsNoneAndTheCountryIsUpperCase() {
        Party party = new Party("Wolke GmbH", PartyKind.COMPANY, null, null, null, " de ", "  ", null, null, null);

        assertThat(party.country()).isEqualTo("DE");
        assertThat(party.vatNumber()).isNull();
        assertThat(party.isBusinessWithVatNumber()).isFalse();
    }
}
