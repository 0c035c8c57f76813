package org.cloudmarket.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * A single-use link sent by mail (e-mail verification, password reset, invitation). Only the
 * SHA-256 of its secret is stored; it is used once, before it expires.
 */
@Entity
@Table(name = "account_token")
@NamedQuery(name = AccountToken.BY_HASH, query = "SELECT t FROM AccountToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = AccountToken.UNUSED_OF_USER,
        query = "SELECT t FROM AccountToken t WHERE t.user = :user AND t.purpose = :purpose AND t.usedAt IS NULL")
public class AccountToken extends TenantOwned {

    public static final String BY_HASH = "AccountToken.byHash";
    public static final String UNUSED_OF_USER = "AccountToken.unusedOfUser";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    private AccountTokenPurpose purpose;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    public AccountToken(User user, AccountTokenPurpose purpose, String tokenHash, Instant now) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.lifetime());
    }

    public boolean isUsableAt(Instant now, AccountTokenPurpose expected) {
        return purpose == expected && usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public User getUser() {
        return user;
    }

    public AccountTokenPurpose getPurpose() {
        return purpose;
    }
}
