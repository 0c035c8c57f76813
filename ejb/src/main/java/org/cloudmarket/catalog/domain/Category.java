package org.cloudmarket.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** A shelf of the tenant's catalog. */
@Entity
@Table(name = "category")
@NamedQuery(name = Category.ALL, query = "SELECT c FROM Category c WHERE c.ownerId IS NULL ORDER BY c.position, c.name")
@NamedQuery(name = Category.FOR_OWNER,
        query = "SELECT c FROM Category c WHERE c.ownerId IS NULL OR c.ownerId = :owner ORDER BY c.position, c.name")
@NamedQuery(name = Category.OWN, query = "SELECT c FROM Category c WHERE c.ownerId = :owner ORDER BY c.position, c.name")
public class Category extends TenantOwned {

    /** The marketplace's own categories. */
    public static final String ALL = "Category.all";
    /** The marketplace's categories and a reseller's own: what its storefront shows. */
    public static final String FOR_OWNER = "Category.forOwner";
    public static final String OWN = "Category.own";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Organization owner;

    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    private String name;

    private String slug;

    private int position;

    protected Category() {
    }

    /** A reseller's own category, on its storefront only. */
    public Category(Organization owner, String name, int position) {
        this(name, position);
        if (owner.getKind() != OrganizationKind.RESELLER) {
            throw new InvalidInput("owner", "Only the marketplace and its resellers have categories");
        }
        this.owner = owner;
    }

    public Category(String name, int position) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "A category needs a name of at most 100 characters");
        }
        this.name = name.strip();
        this.slug = Slugs.of(name);
        this.position = position;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public Long getOwnerId() {
        return owner == null ? null : owner.getId();
    }
}
