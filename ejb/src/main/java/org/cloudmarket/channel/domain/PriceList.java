package org.cloudmarket.channel.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.pricing.PriceRule;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A level's prices for the plans it sells: a rule per plan component, and a default markup for
 * every other plan sold by the level below (none: only the plans listed are sold).
 */
@Entity
@Table(name = "price_list")
@NamedQuery(name = PriceList.OF_OWNER, query = "SELECT l FROM PriceList l WHERE l.ownerId = :owner ORDER BY l.name")
@NamedQuery(name = PriceList.STOREFRONT_DEFAULT,
        query = "SELECT l FROM PriceList l WHERE l.ownerId = :owner AND l.storefrontDefault = TRUE")
public class PriceList extends TenantOwned {

    public static final String OF_OWNER = "PriceList.ofOwner";
    public static final String STOREFRONT_DEFAULT = "PriceList.storefrontDefault";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Organization owner;

    /** The key as a column too: the tenant's lists have none, and a path through null joins it away. */
    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    @Enumerated(EnumType.STRING)
    private PriceListLevel level;

    private String name;

    @Column(name = "default_markup")
    private BigDecimal defaultMarkup;

    @Column(name = "storefront_default")
    private boolean storefrontDefault;

    @Column(name = "created_at")
    private Instant createdAt;

    /** A reseller's sell-out list whose sales it bills itself: a pro-forma only (DOMAIN.md, Billing: Self-billing). */
    @Column(name = "self_billed")
    private boolean selfBilled;

    @OneToMany(mappedBy = "priceList", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PriceListEntry> entries = new ArrayList<>();

    @Version
    private long version;

    protected PriceList() {
    }

    /** A list of the level its owner writes; the tenant (no owner) writes wholesale lists. */
    public PriceList(Organization owner, String name, BigDecimal defaultMarkup, Instant now) {
        this.owner = owner;
        this.level = owner == null ? PriceListLevel.WHOLESALE : PriceListLevel.writtenBy(owner.getKind());
        rename(name);
        setDefaultMarkup(defaultMarkup);
        this.createdAt = now;
    }

    public void rename(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidInput("name", "A price list needs a name of at most 120 characters");
        }
        this.name = name.strip();
    }

    public void setDefaultMarkup(BigDecimal markup) {
        if (markup != null) {
            try {
                PriceRule.markup(markup); // the rule's own checks
            } catch (InvalidInput invalid) {
                throw new InvalidInput("defaultMarkup", invalid.getMessage());
            }
            if (markup.stripTrailingZeros().scale() > 4) {
                throw new InvalidInput("defaultMarkup", "A markup has at most 4 decimals");
            }
        }
        this.defaultMarkup = markup;
    }

    /** Sets, or with a null rule removes, the rule of one component of a plan. */
    public void price(Plan plan, String component, PriceRule rule) {
        Optional<PriceListEntry> existing = entries.stream()
                .filter(entry -> entry.getPlan().getId().equals(plan.getId()) && entry.getComponent().equals(component))
                .findFirst();
        if (rule == null) {
            existing.ifPresent(entries::remove);
        } else if (existing.isPresent()) {
            existing.get().setRule(rule);
        } else {
            entries.add(new PriceListEntry(this, plan, component, rule));
        }
    }

    public void makeStorefrontDefault(boolean isDefault) {
        if (isDefault && level != PriceListLevel.SELL_OUT) {
            throw new InvalidInput("storefrontDefault", "Only a reseller's sell-out list prices its storefront");
        }
        this.storefrontDefault = isDefault;
    }

    /** Review 11, #8: a reseller's sell-out list may be self-billed; no other level sells to end customers. */
    public void setSelfBilled(boolean selfBilled) {
        if (selfBilled && level != PriceListLevel.SELL_OUT) {
            throw new InvalidInput("selfBilled", "Only a reseller's sell-out list can be self-billed");
        }
        this.selfBilled = selfBilled;
    }

    public Optional<Organization> getOwner() {
        return Optional.ofNullable(owner);
    }

    public Long getOwnerId() {
        return owner == null ? null : owner.getId();
    }

    public boolean isSelfBilled() {
        return selfBilled;
    }

    public PriceListLevel getLevel() {
        return level;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getDefaultMarkup() {
        return defaultMarkup;
    }

    public boolean isStorefrontDefault() {
        return storefrontDefault;
    }

    public List<PriceListEntry> getEntries() {
        return List.copyOf(entries);
    }
}
