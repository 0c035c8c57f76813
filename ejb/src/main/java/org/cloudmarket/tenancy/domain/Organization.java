package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A vendor, distributor, reseller or customer of one tenant, placed in the channel chain. */
@Entity
@Table(name = "organization")
public class Organization extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private OrganizationKind kind;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organization parent;

    @Column(name = "created_at")
    private Instant createdAt;

    @Embedded
    private BillingDetails billingDetails;

    /** Set when a customer closed its account: its personal data is gone, what the law keeps stays. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Organization() {
    }

    private Organization(OrganizationKind kind, String name, Organization parent, Instant createdAt) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.createdAt = createdAt;
    }

    /** A party directly under the tenant. */
    public static Organization underTenant(OrganizationKind kind, String name, Instant now) {
        return new Organization(kind, requireName(name), null, now);
    }

    /** A party under another one: a reseller under its distributor, a customer under its reseller. */
    public static Organization under(Organization parent, OrganizationKind kind, String name, Instant now) {
        if (!kind.allowedParents().contains(parent.kind)) {
            throw new InvalidInput("parent", "A " + kind + " cannot belong to a " + parent.kind);
        }
        return new Organization(kind, requireName(name), parent, now);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "An organization needs a name");
        }
        return name.strip();
    }

    public OrganizationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public Optional<Organization> getParent() {
        return Optional.ofNullable(parent);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Empty until the party gave its billing details. */
    public Optional<BillingDetails> getBillingDetails() {
        return Optional.ofNullable(billingDetails).filter(BillingDetails::isPresent);
    }

    public void changeBillingDetails(BillingDetails details) {
        this.billingDetails = details;
    }

    public Optional<Instant> getClosedAt() {
        return Optional.ofNullable(closedAt);
    }

    // --- customers (h/customers) ---

    /** The legal name changed with the billing details: the party's name follows it. */
    public void rename(String newName) {
        this.name = requireName(newName);
    }

    /**
     * A customer closes its account: the row stays for what the law keeps (issued invoices carry
     * their own copy of the billing details), as a nameless shell without billing details.
     */
    public void close(Instant now) {
        if (kind != OrganizationKind.CUSTOMER) {
            throw new InvalidInput("kind", "Only a customer's account is closed");
        }
        this.name = "Closed account " + getId();
        this.billingDetails = null;
        this.closedAt = now;
    }
}
