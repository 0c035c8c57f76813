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
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * A machine client's bearer key (a vendor pushing usage, an ERP pulling reports): one organization's,
 * or the tenant's own (acting as ADMIN), without expiry until revoked. Only its SHA-256 is stored.
 * It acts through a machine user of its own (see {@link #getUser}), so every service sees an
 * ordinary caller with the organization's role.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_HASH, query = "SELECT k FROM ApiKey k WHERE k.keyHash = :hash")
@NamedQuery(name = ApiKey.OF_STAFF, query = "SELECT k FROM ApiKey k WHERE k.organization IS NULL ORDER BY k.id DESC")
@NamedQuery(name = ApiKey.OF_ORGANIZATION, query = "SELECT k FROM ApiKey k WHERE k.organization = :organization ORDER BY k.id DESC")
public class ApiKey extends TenantOwned {

    public static final String BY_HASH = "ApiKey.byHash";
    public static final String OF_STAFF = "ApiKey.ofStaff";
    public static final String OF_ORGANIZATION = "ApiKey.ofOrganization";
    /** The domain of machine users' e-mail addresses: reserved (RFC 2606), so no mail ever reaches one. */
    public static final String MACHINE_DOMAIN = "api-keys.invalid";

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String name, User machineUser, String keyHash, long createdBy, Instant createdAt) {
        this.name = requireName(name);
        this.organization = machineUser.getOrganization().orElse(null);
        this.user = machineUser;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Whether the user is an API key's machine user rather than a person. */
    public static boolean isMachine(User user) {
        return user.getEmail().endsWith("@" + MACHINE_DOMAIN);
    }

    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "An API key needs a name (what uses it)");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInput("name", "An API key's name has at most 100 characters");
        }
        return name.strip();
    }

    public boolean isUsable() {
        return revokedAt == null && user.isEnabled();
    }

    /** Revoking also disables the machine user, so nothing it started can continue as it. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
        user.disable();
    }

    public String getName() {
        return name;
    }

    public Optional<Organization> getOrganization() {
        return Optional.ofNullable(organization);
    }

    public User getUser() {
        return user;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
