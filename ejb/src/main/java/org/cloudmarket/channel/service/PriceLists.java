package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.channel.domain.PriceList;
import org.cloudmarket.channel.domain.PriceListAssignment;
import org.cloudmarket.channel.domain.PriceListLevel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.pricing.PriceLevel;
import org.cloudmarket.pricing.PriceRule;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * The channel's price lists. Who sees what is decided here, not in pages: an owner sees its own
 * lists with their rules; the tenant's staff see every list; a buyer sees only what it pays,
 * resolved (see {@link #costs()}), never the rules or the levels above. Anything else is "not found".
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class PriceLists {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private StorefrontPricing pricing;

    @Inject
    private ResoldPlans resold;

    @Inject
    private Clock clock;

    /** The lists the caller may read with their rules. */
    public List<PriceListView> visible() {
        User user = caller.user();
        List<PriceList> lists = user.getRole().isTenantStaff()
                ? entityManager.createQuery("SELECT l FROM PriceList l ORDER BY l.level, l.name", PriceList.class).getResultList()
                : entityManager.createNamedQuery(PriceList.OF_OWNER, PriceList.class)
                        .setParameter("owner", caller.organization().getId()).getResultList();
        return lists.stream().map(this::view).toList();
    }

    public PriceListView get(long listId) {
        return view(readable(listId));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView create(String name, BigDecimal defaultMarkup) {
        return create(name, defaultMarkup, null);
    }

    /** {@code selfBilled} (null: false): a reseller's sell-out list whose sales it bills itself (a pro-forma only). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView create(String name, BigDecimal defaultMarkup, Boolean selfBilled) {
        User user = caller.user();
        Organization owner = user.getRole() == Role.ADMIN ? null : caller.organization();
        PriceList list = new PriceList(owner, name, defaultMarkup, clock.instant());
        list.setSelfBilled(Boolean.TRUE.equals(selfBilled));
        entityManager.persist(list);
        entityManager.flush();
        return view(list);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView update(long listId, String name, BigDecimal defaultMarkup) {
        return update(listId, name, defaultMarkup, null);
    }

    /** {@code selfBilled} null keeps the list's flag. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView update(long listId, String name, BigDecimal defaultMarkup, Boolean selfBilled) {
        PriceList list = owned(listId);
        list.rename(name);
        list.setDefaultMarkup(defaultMarkup);
        if (selfBilled != null) {
            list.setSelfBilled(selfBilled);
        }
        entityManager.flush();
        return view(list);
    }

    /** Sets (or, with a null rule, removes) a plan component's rule; the engine checks it right away. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView price(long listId, long planId, String component, PriceRule rule) {
        PriceList list = owned(listId);
        Plan plan = entityManager.find(Plan.class, planId);
        if (plan != null && rule == null) { // removing a rule works for any plan, retired ones included
            list.price(plan, component, null);
            entityManager.flush();
            return view(list);
        }
        // the marketplace's wholesale lists price what may be resold at all, the others what their owner resells
        list.getOwner().ifPresentOrElse(owner -> resold.plan(owner, planId, "planId"), () -> resold.resellable(planId, "planId"));
        PlanPricing vendor = plan.pricing();
        if (!components(vendor).contains(component)) {
            throw new InvalidInput("component", "Components of " + plan.getName() + " are " + components(vendor));
        }
        if (rule != null) {
            // resolving the rule against the vendor's prices refuses a fixed price for tiers, with the component named
            PriceChain.resolve(vendor, List.of(new PriceLevel(list.getName(), java.util.Map.of(component, rule), null)));
        }
        list.price(plan, component, rule);
        entityManager.flush();
        return view(list);
    }

    /** The owner's buyer (a distributor, a reseller, or a customer to pin) now buys at this list. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public PriceListView assign(long listId, long organizationId) {
        PriceList list = owned(listId);
        Organization assignee = entityManager.find(Organization.class, organizationId);
        // only the owner's own buyers exist here: naming anyone else's would tell who they are
        boolean buyer = assignee != null && assignee.getKind() == list.getLevel().assignee()
                && Objects.equals(assignee.getParent().map(Organization::getId).orElse(null), list.getOwnerId());
        if (!buyer) {
            throw new NotFound("Organization " + organizationId + " is not one of your buyers");
        }
        Optional<PriceListAssignment> existing = entityManager.createNamedQuery(PriceListAssignment.OF_ASSIGNEE,
                PriceListAssignment.class).setParameter("assignee", organizationId).getResultStream().findFirst();
        if (existing.isPresent()) {
            new PriceListAssignment(list, assignee); // the same checks as a first assignment
            existing.get().reassign(list);
        } else {
            entityManager.persist(new PriceListAssignment(list, assignee));
        }
        entityManager.flush();
        return view(list);
    }

    /** An organization the caller may assign its lists to. */
    public record Buyer(long id, String name) {
    }

    /** The caller's own buyers: the admin's distributors, a distributor's resellers, a reseller's customers. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public List<Buyer> buyers() {
        User user = caller.user();
        List<Organization> buyers = user.getRole() == Role.ADMIN
                ? entityManager.createQuery("SELECT o FROM Organization o WHERE o.kind = :kind ORDER BY o.name", Organization.class)
                        .setParameter("kind", OrganizationKind.DISTRIBUTOR).getResultList()
                : entityManager.createQuery("SELECT o FROM Organization o WHERE o.parent = :owner ORDER BY o.name", Organization.class)
                        .setParameter("owner", caller.organization()).getResultList();
        PriceListLevel level = user.getRole() == Role.ADMIN ? PriceListLevel.WHOLESALE : PriceListLevel.writtenBy(caller.organization().getKind());
        return buyers.stream().filter(org -> org.getKind() == level.assignee()).map(org -> new Buyer(org.getId(), org.getName())).toList();
    }

    /** A reseller's storefront sells at this list from now on. */
    @RolesAllowed(Role.Names.RESELLER)
    public PriceListView makeStorefrontDefault(long listId) {
        PriceList list = owned(listId);
        entityManager.createNamedQuery(PriceList.OF_OWNER, PriceList.class).setParameter("owner", list.getOwnerId())
                .getResultStream().forEach(other -> other.makeStorefrontDefault(false));
        list.makeStorefrontDefault(true);
        entityManager.flush();
        return view(list);
    }

    /**
     * What the caller pays for each plan it may resell: its level's prices, resolved from the top
     * of the channel down to the caller. The rules, and so the prices above, stay hidden.
     */
    @RolesAllowed({Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public List<CostView> costs() {
        Optional<StorefrontChain> paying = pricing.costsOf(caller.organization());
        if (paying.isEmpty()) {
            return List.of();
        }
        List<CostView> costs = new ArrayList<>();
        for (Plan plan : resold.of(caller.organization())) {
            paying.get().pricing(plan).ifPresent(cost -> costs.add(new CostView(plan.getId(), plan.getProduct().getId(),
                    plan.getProduct().getName(), plan.getName(), cost.license().currency().getCurrencyCode(), cost.license().amount(),
                    cost.setupFee().amount())));
        }
        return costs;
    }

    private static List<String> components(PlanPricing plan) {
        List<String> names = new ArrayList<>(List.of(PriceChain.LICENSE, PriceChain.SETUP_FEE));
        plan.extraResources().forEach(resource -> names.add(PriceChain.extraResource(resource.code())));
        plan.metrics().forEach(metric -> names.add(PriceChain.metric(metric.code())));
        return names;
    }

    /** Staff read every list; others only their own. A list one may not read does not exist. */
    private PriceList readable(long listId) {
        PriceList list = entityManager.find(PriceList.class, listId);
        User user = caller.user();
        if (list == null || !(user.getRole().isTenantStaff() || isOwner(user, list))) {
            throw new NotFound("Price list " + listId + " was not found");
        }
        return list;
    }

    /** Only the owner changes a list: the admin the tenant's wholesale lists, others their own. */
    private PriceList owned(long listId) {
        PriceList list = entityManager.find(PriceList.class, listId);
        User user = caller.user();
        boolean owns = list != null && (user.getRole() == Role.ADMIN ? list.getLevel() == PriceListLevel.WHOLESALE : isOwner(user, list));
        if (!owns) {
            throw new NotFound("Price list " + listId + " was not found");
        }
        return list;
    }

    private static boolean isOwner(User user, PriceList list) {
        return user.getOrganization().map(org -> Objects.equals(org.getId(), list.getOwnerId())).orElse(false);
    }


    private PriceListView view(PriceList list) {
        List<String> assignees = entityManager.createQuery(
                        "SELECT a FROM PriceListAssignment a WHERE a.priceList = :list", PriceListAssignment.class)
                .setParameter("list", list).getResultStream().map(assignment -> assignment.getAssignee().getName()).toList();
        return PriceListView.of(list, assignees);
    }
}
