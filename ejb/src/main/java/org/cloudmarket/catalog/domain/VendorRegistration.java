package org.cloudmarket.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** A vendor's request to sell on the marketplace; the tenant approves it before any product is submitted. */
@Entity
@Table(name = "vendor_registration")
@NamedQuery(name = VendorRegistration.OF_ORGANIZATION,
        query = "SELECT r FROM VendorRegistration r WHERE r.organization.id = :organization")
@NamedQuery(name = VendorRegistration.ALL, query = "SELECT r FROM VendorRegistration r ORDER BY r.appliedAt DESC")
public class VendorRegistration extends TenantOwned {

    public static final String OF_ORGANIZATION = "VendorRegistration.ofOrganization";
    public static final String ALL = "VendorRegistration.all";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Enumerated(EnumType.STRING)
    private VendorStatus status;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected VendorRegistration() {
    }

    public VendorRegistration(Organization organization, Instant appliedAt) {
        if (organization.getKind() != OrganizationKind.VENDOR) {
            throw new InvalidInput("organization", organization.getName() + " is a " + organization.getKind() + ", not a vendor");
        }
        this.organization = organization;
        this.status = VendorStatus.PENDING;
        this.appliedAt = appliedAt;
    }

    public void decide(boolean approved, Instant now) {
        if (status != VendorStatus.PENDING) {
            throw new Conflict("The registration of " + organization.getName() + " was already " + status.name().toLowerCase());
        }
        this.status = approved ? VendorStatus.APPROVED : VendorStatus.REJECTED;
        this.decidedAt = now;
    }

    /** A rejected vendor may apply again, after changing what the reason asked for. */
    public void reapply(Instant now) {
        if (status != VendorStatus.REJECTED) {
            throw new Conflict(organization.getName() + " is already " + status.name().toLowerCase());
        }
        this.status = VendorStatus.PENDING;
        this.appliedAt = now;
        this.decidedAt = null;
    }

    public Organization getOrganization() {
        return organization;
    }

    public VendorStatus getStatus() {
        return status;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }
}
