package org.cloudmarket.catalog.service;

import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.PlanTerms;

/** A plan to create with its metrics and extra resources, as the onboarding wizard collects them. */
public record PlanDraft(PlanTerms terms, List<MetricTerms> metrics, List<ExtraResourceTerms> extraResources) {

    public PlanDraft {
        metrics = List.copyOf(metrics);
        extraResources = List.copyOf(extraResources);
    }
}
