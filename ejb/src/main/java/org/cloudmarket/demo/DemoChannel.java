package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cloudmarket.channel.domain.PriceList;
import org.cloudmarket.channel.domain.PriceListAssignment;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.media.ImageStore;
import org.cloudmarket.tenancy.domain.Banner;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.CatalogMode;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.domain.StorefrontHost;

/**
 * The demo channel of acme, and the storefronts' logos and texts: two distributors, each with a
 * reseller that runs its own storefront, and price lists at every level, so that one product
 * costs three different prices on acme.localhost, reseller.acme.localhost and cloudy.acme.localhost.
 * Runs as the tenant, once: nothing happens when the tenant already has price lists.
 */
@Dependent
@Transactional
class DemoChannel {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    @Inject
    private ImageStore images;

    private final PasswordHasher passwordHasher = new PasswordHasher();

    public boolean populateAcme(long tenantId) {
        if (entityManager.createQuery("SELECT COUNT(l) FROM PriceList l", Long.class).getSingleResult() > 0) {
            return false;
        }
        Instant now = clock.instant();
        Organization alpine = organization(OrganizationKind.DISTRIBUTOR, "Alpine Distribution");
        Organization bright = organization(OrganizationKind.RESELLER, "Bright IT Reseller");
        Organization rossi = organization(OrganizationKind.CUSTOMER, "Rossi Costruzioni");
        Organization boreal = persist(Organization.underTenant(OrganizationKind.DISTRIBUTOR, "Boreal Distribution", now));
        Organization cloudy = persist(Organization.under(boreal, OrganizationKind.RESELLER, "Cloudy Partners", now));
        user("distributor2@acme.test", "Bruno Boreal", Role.DISTRIBUTOR, boreal);
        user("reseller2@acme.test", "Chiara Cloudy", Role.RESELLER, cloudy);

        Storefront cloudyShop = persist(new Storefront(cloudy, "Cloudy Partners Shop", Branding.of("nova-light", "#00796b", "#ffc107",
                "Open Sans"), "Cloud software, sized for small business", Locale.ENGLISH, Currency.getInstance("EUR"), now));
        entityManager.flush();
        entityManager.persist(new StorefrontHost("cloudy.acme.localhost", tenantId, cloudyShop.getId()));

        brand(storefrontOf(null), "acme", "Acme Cloud Marketplace", "Software for every team, billed the way you work",
                List.of("en", "it"), "en", List.of(new Banner("Every plan, one invoice", "Compare plans and price them before you buy.",
                        "/catalog.xhtml"), new Banner("Mail for the whole team", "Nimbus Mail plans from 8 euro a month.",
                        "/catalog.xhtml?q=mail")));
        brand(storefrontOf(bright), "bright", "Bright Cloud Store", "Your IT partner, in the cloud", List.of("it", "en"), "it",
                List.of(new Banner("Il cloud, senza sorprese", "Prezzi chiari e assistenza in italiano.", null)));
        brand(cloudyShop, "cloudy", "Cloudy Partners Shop", "Cloud software, sized for small business", List.of("en"), "en",
                List.of(new Banner("Small business, big software", "We set it up, you get to work.", "/catalog.xhtml")));

        PriceList alpineWholesale = list(null, "Alpine wholesale", "-30");
        PriceList borealWholesale = list(null, "Boreal wholesale", "-25");
        PriceList alpineSellIn = list(alpine, "Alpine standard", "10");
        PriceList borealSellIn = list(boreal, "Boreal standard", "12");
        PriceList brightRetail = list(bright, "Bright retail", "35");
        PriceList brightVip = list(bright, "Bright VIP", "20");
        PriceList cloudyRetail = list(cloudy, "Cloudy retail", "50");
        brightRetail.makeStorefrontDefault(true);
        cloudyRetail.makeStorefrontDefault(true);
        entityManager.flush();
        assign(alpineWholesale, alpine);
        assign(borealWholesale, boreal);
        assign(alpineSellIn, bright);
        assign(borealSellIn, cloudy);
        assign(brightVip, rossi);
        return true;
    }

    /** A logo and texts for a storefront seeded before storefronts had them. */
    public void brandGlobex() {
        Storefront globex = storefrontOf(null);
        if (globex.getLogo().isEmpty()) {
            brand(globex, "globex", "Globex Exchange", "The software exchange for growing companies", List.of("en"), "en",
                    List.of(new Banner("Software that grows with you", "Monthly plans, cancel any time.", null)));
        }
    }

    private void brand(Storefront storefront, String logo, String name, String tagline, List<String> languages, String language,
                       List<Banner> banners) {
        storefront.describe(new StorefrontDetails(name, tagline, name + " - " + tagline, tagline, banners,
                "© " + name + ". Prices exclude VAT.", Map.of("linkedin", "https://www.linkedin.com/company/" + logo),
                "By ordering you accept the terms of " + name + " and of each product's vendor.", languages, language,
                CatalogMode.STANDARD));
        storefront.setLogo(images.store(image("/demo/logos/" + logo + ".png")));
        storefront.setFavicon(images.store(image("/demo/logos/" + logo + ".png")));
    }

    private PriceList list(Organization owner, String name, String markup) {
        return persist(new PriceList(owner, name, new BigDecimal(markup), clock.instant()));
    }

    private void assign(PriceList list, Organization buyer) {
        entityManager.persist(new PriceListAssignment(list, buyer));
    }

    private Storefront storefrontOf(Organization owner) {
        var typed = owner == null ? entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class)
                : entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class).setParameter("owner", owner);
        return typed.getSingleResult();
    }

    private Organization organization(OrganizationKind kind, String name) {
        return entityManager.createQuery("SELECT o FROM Organization o WHERE o.kind = :kind AND o.name = :name", Organization.class)
                .setParameter("kind", kind).setParameter("name", name).getSingleResult();
    }

    private void user(String email, String name, Role role, Organization organization) {
        persist(new User(email, name, role, organization, passwordHasher.hash(DemoTenants.PASSWORD), clock.instant()));
    }

    private static byte[] image(String resource) {
        try (InputStream in = DemoChannel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo image " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T persist(T entity) {
        entityManager.persist(entity);
        return entity;
    }
}
