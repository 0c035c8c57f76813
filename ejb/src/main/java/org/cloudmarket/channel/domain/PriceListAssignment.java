package org.cloudmarket.channel.domain;

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

/**
 * The one price list an organization buys at: a distributor's wholesale list, a reseller's
 * sell-in list, or the sell-out list a reseller pinned a customer to.
 */
@Entity
@Table(name = "price_list_assignment")
@NamedQuery(name = PriceListAssignment.OF_ASSIGNEE,
        query = "SELECT a FROM PriceListAssignment a WHERE a.assigneeId = :assignee")
public class PriceListAssignment extends TenantOwned {

    public static final String OF_ASSIGNEE = "PriceListAssignment.ofAssignee";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "price_list_id")
    private PriceList priceList;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private Organization assignee;

    @Column(name = "assignee_id", insertable = false, updatable = false)
    private Long assigneeId;

    protected PriceListAssignment() {
    }

    public PriceListAssignment(PriceList priceList, Organization assignee) {
        if (assignee.getKind() != priceList.getLevel().assignee()) {
            throw new InvalidInput("organizationId", "A " + priceList.getLevel() + " list is for a " + priceList.getLevel().assignee()
                    + ", not a " + assignee.getKind());
        }
        Long expectedOwner = assignee.getParent().map(Organization::getId).orElse(null);
        if (priceList.getLevel() != PriceListLevel.WHOLESALE && !java.util.Objects.equals(expectedOwner, priceList.getOwnerId())) {
            throw new InvalidInput("organizationId", assignee.getName() + " does not buy from the owner of this list");
        }
        this.priceList = priceList;
        this.assignee = assignee;
    }

    public void reassign(PriceList list) {
        if (list.getLevel() != priceList.getLevel()) {
            throw new InvalidInput("priceListId", "The new list is of another level");
        }
        this.priceList = list;
    }

    public PriceList getPriceList() {
        return priceList;
    }

    public Organization getAssignee() {
        return assignee;
    }
}
