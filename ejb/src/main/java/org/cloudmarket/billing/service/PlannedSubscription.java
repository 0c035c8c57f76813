package org.cloudmarket.billing.service;

import java.util.List;
import org.cloudmarket.billing.domain.DueProceed;

/** What the processor hands the writer for one subscription: the proceeds the generator found due (maybe none). */
public record PlannedSubscription(DueSubscription subscription, List<DueProceed> proceeds) {

    public PlannedSubscription {
        proceeds = List.copyOf(proceeds);
    }
}
