package org.cloudmarket.identity.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.TokenSecret;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * API keys for machine clients. A key belongs to the caller's organization (a vendor, distributor
 * or reseller), or to the tenant itself when an ADMIN makes it, and acts with that role through a
 * machine user of its own: every service then sees an ordinary caller of that organization, its
 * audit lines name the key, and revoking it disables that user, which the per-request checks
 * (Authentication, Caller) refuse at once. Each caller sees and revokes only its own party's keys.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.VENDOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class ApiKeys {

    /** A machine user has no password: this hash matches none (PasswordHasher). */
    private static final String NO_PASSWORD = "!api-key";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    public List<ApiKeyView> list() {
        User actor = person();
        return keysOf(actor.getOrganization().orElse(null)).stream().map(ApiKeyView::of).toList();
    }

    public IssuedApiKey create(String name, String remoteAddress, Channel channel) {
        User actor = person();
        String keyName = ApiKey.requireName(name);
        Instant now = clock.instant();
        String secret = TokenSecret.generate();
        Organization organization = actor.getOrganization().orElse(null);
        User machine = new User("key-" + TokenSecret.generate().substring(0, 16).toLowerCase(java.util.Locale.ROOT) + "@" + ApiKey.MACHINE_DOMAIN,
                "API key " + keyName, actor.getRole(), organization, NO_PASSWORD, now);
        machine.verifyEmail(now);
        entityManager.persist(machine);
        ApiKey key = new ApiKey(keyName, machine, TokenSecret.hash(secret), actor.getId(), now);
        entityManager.persist(key);
        entityManager.flush();
        auditTrail.record(AuditAction.API_KEY_CREATED, actor.getId(), machine.getId(), remoteAddress, channel);
        return new IssuedApiKey(ApiKeyView.of(key), secret);
    }

    public void revoke(long keyId, String remoteAddress, Channel channel) {
        User actor = person();
        ApiKey key = entityManager.find(ApiKey.class, keyId);
        if (key == null || !sameParty(key, actor)) {
            throw new NotFound("API key " + keyId + " was not found");
        }
        if (key.getRevokedAt().isEmpty()) {
            key.revoke(clock.instant());
            auditTrail.record(AuditAction.API_KEY_REVOKED, actor.getId(), key.getUser().getId(), remoteAddress, channel);
        }
    }

    private static boolean sameParty(ApiKey key, User actor) {
        Long keyParty = key.getOrganization().map(Organization::getId).orElse(null);
        Long actorParty = actor.getOrganization().map(Organization::getId).orElse(null);
        return keyParty == null ? actorParty == null : keyParty.equals(actorParty);
    }

    private List<ApiKey> keysOf(Organization organization) {
        return organization == null
                ? entityManager.createNamedQuery(ApiKey.OF_STAFF, ApiKey.class).getResultList()
                : entityManager.createNamedQuery(ApiKey.OF_ORGANIZATION, ApiKey.class).setParameter("organization", organization).getResultList();
    }

    /** Keys are made and revoked by people: a key cannot mint more keys. */
    private User person() {
        return caller.person();
    }
}
