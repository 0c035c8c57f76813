package org.cloudmarket.catalog.service;

import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.PlanTerms;

/** A plan to create with its extra resources, as the onboarding wizard collects them. */
public record PlanDraft(PlanTerms terms, List<ExtraResourceTerms> extraResources) {

    public PlanDraft {
        extraResources = List.copyOf(extraResources);
    }
}
