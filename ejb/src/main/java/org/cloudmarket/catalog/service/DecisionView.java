package org.cloudmarket.catalog.service;

import java.time.Instant;
import org.cloudmarket.catalog.domain.Decision;

public record DecisionView(String outcome, String reason, String decidedBy, Instant decidedAt) {

    static DecisionView of(Decision decision) {
        return new DecisionView(decision.getOutcome().name(), decision.getReason(), decision.getDecidedBy().getDisplayName(),
                decision.getDecidedAt());
    }
}
