package org.cloudmarket.platform.domain;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.cloudmarket.shared.money.Currencies;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * What the platform operator gives to open a marketplace, checked field by field in the order of
 * the form: each refusal names its field, before anything is written.
 */
public record NewTenant(String slug, String name, Currency currency, ZoneId timeZone, Locale locale, String adminEmail) {

    /**
     * Sub-domains the platform keeps for itself or that would mislead a visitor: a marketplace at
     * {@code www.} or {@code mail.} of the platform's domain is someone impersonating the platform.
     */
    public static final Set<String> RESERVED_SLUGS = Set.of("platform", "www", "api", "admin", "mail", "static",
            "app", "assets", "cdn", "auth", "login", "smtp", "imap", "pop", "ftp", "ns1", "ns2", "mx", "status",
            "support", "help", "docs", "blog", "billing", "cloudmarket");

    /** Checks the request's raw values; the slug and e-mail are compared lower-case. */
    public static NewTenant of(String slug, String name, String currency, String timeZone, String locale, String adminEmail) {
        return new NewTenant(slug(slug), Texts.required("name", name, 200), Currencies.of(currency),
                zone(timeZone), language(locale), email(adminEmail));
    }

    private static String slug(String given) {
        String slug = Tenant.requireSlug(given == null ? null : given.strip().toLowerCase(Locale.ROOT));
        if (RESERVED_SLUGS.contains(slug)) {
            throw new InvalidInput("slug", slug + " is kept by the platform: choose another slug");
        }
        return slug;
    }

    /** A region's zone id (Europe/Rome, UTC): a bare offset would not follow its region's summer time. */
    private static ZoneId zone(String given) {
        String id = given == null ? "" : given.strip();
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidInput("timeZone", "timeZone is a zone id such as Europe/Rome or UTC");
        }
        return ZoneId.of(id);
    }

    /** A language the storefronts have message bundles for. */
    private static Locale language(String given) {
        String tag = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (!StorefrontDetails.LANGUAGES.contains(tag)) {
            throw new InvalidInput("locale", "locale is one of " + StorefrontDetails.LANGUAGES.stream().sorted().toList());
        }
        return Locale.forLanguageTag(tag);
    }

    private static String email(String given) {
        if (!User.isEmail(given)) {
            throw new InvalidInput("adminEmail", "adminEmail is the e-mail address of the marketplace's first admin");
        }
        return User.normalizeEmail(given);
    }

    /** The admin's name until it gives one: the part of its address before the @. */
    public String adminDisplayName() {
        return adminEmail.substring(0, adminEmail.indexOf('@'));
    }
}
