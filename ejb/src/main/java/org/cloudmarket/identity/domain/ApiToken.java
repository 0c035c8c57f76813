package org.cloudmarket.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * A bearer token for the REST API. It belongs to one tenant, so it is only ever found on that
 * tenant's hosts. An impersonation token also names the user who is really acting.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ApiToken.UNREVOKED_OF, query = "SELECT t FROM ApiToken t WHERE (t.user = :user OR t.impersonator = :user) AND t.revokedAt IS NULL")
public class ApiToken extends TenantOwned {

    /** The user's own tokens and the tokens it acts as someone else with. */
    public static final String UNREVOKED_OF = "ApiToken.unrevokedOf";
    public static final String BY_HASH = "ApiToken.byHash";

    @Column(name = "token_hash")
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "impersonator_id")
    private User impersonator;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    public ApiToken(String tokenHash, User user, User impersonator, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.impersonator = impersonator;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Unrevoked, unexpired, and its user (and impersonator) may still do what it was issued for. */
    public boolean isUsableAt(Instant now) {
        boolean impersonationHolds = impersonator == null || impersonator.mayActAs(user);
        return revokedAt == null && now.isBefore(expiresAt) && user.isEnabled() && impersonationHolds;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public User getUser() {
        return user;
    }

    public Optional<User> getImpersonator() {
        return Optional.ofNullable(impersonator);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
