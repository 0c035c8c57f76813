package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.media.ImageStore;
import org.cloudmarket.shared.media.ServedImage;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.PlatformDomain;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.CustomDomain;
import org.cloudmarket.tenancy.domain.DomainClaim;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The theme editor's service: each storefront is changed by its own owner only (the admin the
 * tenant's storefront, a reseller or distributor its own), whatever host the request came through.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class StorefrontEditor {

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final int MAX_HOSTS = 5;

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private Storefronts storefronts;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    @Inject
    private ImageStore images;

    public StorefrontView mine() {
        return storefronts.viewAsStored(own().getId());
    }

    /**
     * Texts, look, (when given) new images and the banners' pictures, one for each of the details'
     * banners, together: a refused image changes nothing.
     */
    public StorefrontView update(StorefrontDetails details, Branding branding, byte[] logo, byte[] favicon,
                                 List<BannerPicture> bannerPictures) {
        if (bannerPictures.size() != details.banners().size()) {
            throw new IllegalArgumentException("One picture choice per banner");
        }
        Storefront storefront = own();
        if (logo != null) {
            images.discard(storefront.setLogo(images.store(logo)).orElse(null));
        }
        if (favicon != null) {
            images.discard(storefront.setFavicon(images.store(favicon)).orElse(null));
        }
        Map<Integer, Long> before = storefront.bannerImageIds();
        storefront.describe(details);
        for (int i = 0; i < bannerPictures.size(); i++) {
            BannerPicture picture = bannerPictures.get(i);
            storefront.setBannerImage(i + 1, picture.upload() != null ? Long.valueOf(images.store(picture.upload()))
                    : picture.keepFrom() != null ? before.get(picture.keepFrom()) : null);
        }
        discardUnshown(storefront, before.values());
        return update(details, branding);
    }

    public StorefrontView update(StorefrontDetails details, Branding branding) {
        Storefront storefront = own();
        storefront.describe(details);
        storefront.restyle(branding);
        entityManager.flush();
        return storefronts.viewAsStored(storefront.getId());
    }

    public StorefrontView setLogo(byte[] image) {
        Storefront storefront = own();
        images.discard(storefront.setLogo(images.store(image)).orElse(null));
        return storefronts.viewAsStored(storefront.getId());
    }

    public StorefrontView setFavicon(byte[] image) {
        Storefront storefront = own();
        images.discard(storefront.setFavicon(images.store(image)).orElse(null));
        return storefronts.viewAsStored(storefront.getId());
    }

    /** Sets the picture of the caller's banner {@code position} (from 1), or removes it with null. */
    public StorefrontView setBannerImage(int position, byte[] image) {
        Storefront storefront = own();
        storefront.banner(position); // a missing banner is refused before anything is stored
        Optional<Long> before = storefront.setBannerImage(position, image == null ? null : images.store(image));
        discardUnshown(storefront, before.stream().toList());
        return storefronts.viewAsStored(storefront.getId());
    }

    /** The picture of banner {@code position} of the request's storefront, for anyone who sees the storefront. */
    @PermitAll
    public Optional<ServedImage> bannerImage(int position, Predicate<String> clientHolds) {
        return images.serve(requestStorefront().banner(position).getImageId().orElse(null), clientHolds);
    }

    /** The host names that reach the caller's storefront. */
    public List<String> hosts() {
        long id = own().getId();
        return entityManager.createQuery("SELECT h.host FROM StorefrontHost h WHERE h.storefrontId = :id AND h.tenantId = :tenant",
                        String.class).setParameter("id", id).setParameter("tenant", tenantContext.requireTenantId())
                .getResultList();
    }

    /**
     * Adds a host name that reaches the caller's storefront. A name under the tenant's own
     * sub-domain ({@code shop.acme.localhost}) routes at once. A domain of the owner's own is a
     * request: it routes only after the platform operator has checked that its DNS is the owner's,
     * or visitors of someone else's domain could land here. Host names are unique across the platform.
     */
    public List<String> addHost(String host) {
        String name = host == null ? "" : StorefrontHost.normalize(host);
        if (!HOST_NAME.matcher(name).matches()) {
            throw new InvalidInput("host", "A host name is like shop.example.com");
        }
        Storefront storefront = own();
        if (entityManager.find(StorefrontHost.class, name) != null) {
            throw new Conflict(name + " is already taken");
        }
        String tenantSlug = entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSlug();
        String tenantDomain = "." + PlatformDomain.ofTenant(tenantSlug);
        if (!name.endsWith(tenantDomain)) {
            // a domain of the owner's own routes only once the platform operator has checked its DNS
            List<String> pending = pendingHosts();
            if (pending.size() >= MAX_HOSTS) {
                throw new Conflict("At most " + MAX_HOSTS + " domains wait for the platform's check at a time");
            }
            if (PlatformDomain.isPlatformHost(name) || pending.contains(name)) {
                throw new InvalidInput("host", "Host names of the platform end with " + tenantDomain
                        + "; a domain of your own is asked for once");
            }
            if (entityManager.find(DomainClaim.class, name) != null) {
                throw new Conflict(name + " is already asked for by another storefront, and waits for the platform's check");
            }
            CustomDomain request = new CustomDomain(name, tenantContext.requireTenantId(), storefront.getId(), clock.instant());
            entityManager.persist(request);
            entityManager.flush();
            // the claim's key is the host: a parallel request for the same name fails here (409)
            entityManager.persist(new DomainClaim(request));
            entityManager.flush();
            return hosts();
        }
        if (hosts().size() >= MAX_HOSTS) {
            throw new Conflict("A storefront has at most " + MAX_HOSTS + " host names");
        }
        entityManager.persist(new StorefrontHost(name, tenantContext.requireTenantId(), storefront.getId()));
        entityManager.flush();
        return hosts();
    }

    /** Domains of the caller's own awaiting the platform operator's check. */
    public List<String> pendingHosts() {
        return domainRequests().stream().map(DomainRequest::host).toList();
    }

    /** A domain of the owner's waiting for approval, with the TXT record that proves it is the owner's. */
    public record DomainRequest(String host, String txtName, String txtValue, Instant requestedAt) {
    }

    /** The caller's waiting domain requests, with what to publish in their DNS. */
    public List<DomainRequest> domainRequests() {
        return entityManager.createNamedQuery(CustomDomain.OF_STOREFRONT, CustomDomain.class)
                .setParameter("tenant", tenantContext.requireTenantId()).setParameter("storefront", own().getId())
                .setParameter("status", CustomDomain.Status.PENDING).getResultStream()
                .map(request -> new DomainRequest(request.getHost(), request.txtName(), request.txtValue(), request.getRequestedAt()))
                .toList();
    }

    /** The logo or favicon of the request's storefront, for anyone who sees the storefront. */
    @PermitAll
    public Optional<ServedImage> image(boolean favicon, Predicate<String> clientHolds) {
        Storefront storefront = requestStorefront();
        return images.serve((favicon ? storefront.getFavicon() : storefront.getLogo()).orElse(null), clientHolds);
    }

    private Storefront requestStorefront() {
        return entityManager.find(Storefront.class, tenantContext.storefrontId().orElseThrow(() -> new NotFound("No storefront")));
    }

    /** Drops the pictures among {@code candidates} that no banner of the storefront shows any more. */
    private void discardUnshown(Storefront storefront, Collection<Long> candidates) {
        Collection<Long> shown = storefront.bannerImageIds().values();
        candidates.stream().filter(id -> !shown.contains(id)).distinct().forEach(images::discard);
    }

    private Storefront own() {
        User user = caller.user();
        var typed = user.getRole() == Role.ADMIN ? entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class)
                : entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class)
                        .setParameter("owner", user.getOrganization().orElseThrow(() -> new NotFound("You run no storefront")));
        return typed.getResultStream().findFirst().orElseThrow(() -> new NotFound("You run no storefront"));
    }
}
