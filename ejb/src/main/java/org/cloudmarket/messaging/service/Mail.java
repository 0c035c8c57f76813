package org.cloudmarket.messaging.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Optional;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.mail.MailBranding;
import org.cloudmarket.messaging.mail.MailRenderer;
import org.cloudmarket.messaging.mail.RenderedMail;
import org.cloudmarket.shared.outbox.Outbox;
import org.cloudmarket.shared.outbox.OutboxChannel;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Sends mail after the caller's transaction commits: {@link #send} renders the mail now and only
 * records it, in the outbox, inside that transaction, so a mail exists exactly when the decision
 * it reports does; the outbox worker delivers it, retrying while the SMTP server is down.
 * <p>
 * Branded with the storefront the current request came through, else the tenant's own
 * (marketplace) storefront; its logo is linked on the request's host ({@link TenantContext#origin}),
 * so a mail rendered outside a request carries the name only.
 */
@Dependent
public class Mail {

    private static final MailRenderer RENDERER = MailRenderer.fromResources();
    /** The storefront picture servlet's path (web: StorefrontImageServlet), versioned like the pages link it. */
    private static final String LOGO_PATH = "/storefront/logo?v=";

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Outbox outbox;

    public void send(MailRequest request) {
        RenderedMail mail = RENDERER.render(request, branding());
        if (request.attachment() != null) {
            mail = mail.withAttachment(new RenderedMail.AttachmentRef(request.attachment().source(), tenantContext.requireTenantId(),
                    request.attachment().id()));
        }
        outbox.enqueue(OutboxChannel.MAIL, address(request.to()), mail.toJson());
    }

    /** Erases the undelivered mail to these addresses (account closing); mail sent afterwards goes out. */
    public void eraseUndelivered(Collection<String> addresses) {
        outbox.eraseUndelivered(OutboxChannel.MAIL, addresses);
    }

    /**
     * The request's storefront; else (no request, or work done as another tenant than the request's,
     * whose storefront this tenant cannot read) the tenant's own storefront, else the tenant's name.
     */
    private MailBranding branding() {
        Optional<Storefront> ofRequest = tenantContext.storefrontId().map(id -> entityManager.find(Storefront.class, id));
        if (ofRequest.isPresent()) {
            return brandingOf(ofRequest.get(), tenantContext.origin());
        }
        return entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class).getResultStream().findFirst()
                .map(marketplace -> brandingOf(marketplace, Optional.empty()))
                .orElseGet(() -> new MailBranding(entityManager.find(Tenant.class, tenantContext.requireTenantId()).getName(), Optional.empty()));
    }

    /**
     * The storefront's name and, when it has one, its logo on {@code origin}: the request's own host,
     * which serves that storefront's pictures only (StorefrontImageServlet, linked as the pages do).
     */
    static MailBranding brandingOf(Storefront storefront, Optional<String> origin) {
        return new MailBranding(storefront.getName(), origin.flatMap(host -> storefront.getLogo().map(version -> host + LOGO_PATH + version)));
    }

    /**
     * One address, by the users' rule (User.email: a list or a header injection never reaches the
     * outbox). A caller passes a user's stored address: anything else is a bug, not bad input.
     */
    private static String address(String to) {
        if (!User.isEmail(to)) {
            throw new IllegalArgumentException("Not an e-mail address: " + to);
        }
        return User.normalizeEmail(to);
    }
}
