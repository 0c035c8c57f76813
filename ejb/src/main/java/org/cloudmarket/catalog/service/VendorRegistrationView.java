package org.cloudmarket.catalog.service;

import java.time.Instant;
import org.cloudmarket.catalog.domain.VendorRegistration;

public record VendorRegistrationView(long id, long organizationId, String organizationName, String status,
                                     Instant appliedAt, Instant decidedAt) {

    static VendorRegistrationView of(VendorRegistration registration) {
        return new VendorRegistrationView(registration.getId(), registration.getOrganization().getId(),
                registration.getOrganization().getName(), registration.getStatus().name(), registration.getAppliedAt(),
                registration.getDecidedAt().orElse(null));
    }
}
