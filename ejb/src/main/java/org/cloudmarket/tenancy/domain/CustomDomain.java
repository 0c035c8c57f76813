package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cloudmarket.shared.error.Conflict;

/**
 * A request to reach a storefront by a domain of its owner's. It is platform data, like the
 * routing table it feeds: the platform operator approves it once the domain is proven the
 * owner's, and tenant services always name their own tenant when they read it. The proof is a
 * TXT record with the request's own secret ({@link #txtName()}, {@link #txtValue()}), which only
 * whoever runs the domain's DNS can publish. While a request waits, its {@link DomainClaim} keeps
 * every other request for the host out.
 */
@Entity
@Table(name = "custom_domain")
@NamedQuery(name = CustomDomain.PENDING, query = "SELECT d FROM CustomDomain d WHERE d.status = :status ORDER BY d.requestedAt")
@NamedQuery(name = CustomDomain.OF_STOREFRONT,
        query = "SELECT d FROM CustomDomain d WHERE d.tenantId = :tenant AND d.storefrontId = :storefront AND d.status = :status")
public class CustomDomain {

    public static final String PENDING = "CustomDomain.pending";
    public static final String OF_STOREFRONT = "CustomDomain.ofStorefront";
    static final String TXT_LABEL = "_cloudmarket-challenge";
    static final String TXT_PREFIX = "cloudmarket-domain-verification=";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a request stands. */
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "storefront_id")
    private long storefrontId;

    private String host;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "verification_token")
    private String verificationToken;

    protected CustomDomain() {
    }

    public CustomDomain(String host, long tenantId, long storefrontId, Instant now) {
        this.host = StorefrontHost.normalize(host);
        this.tenantId = tenantId;
        this.storefrontId = storefrontId;
        this.status = Status.PENDING;
        this.requestedAt = now;
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        this.verificationToken = HexFormat.of().formatHex(secret);
    }

    /** The name under the domain where its owner publishes the proof. */
    public String txtName() {
        return TXT_LABEL + "." + host;
    }

    /** The TXT record's value: this request's secret. */
    public String txtValue() {
        return TXT_PREFIX + verificationToken;
    }

    /** Whether these TXT records of {@link #txtName()} include this request's proof. */
    public boolean isProvenBy(List<String> txtRecords) {
        return txtRecords.stream().map(String::strip).anyMatch(txtValue()::equals);
    }

    /** The route this approval creates. */
    public StorefrontHost approve(Instant now) {
        decide(Status.APPROVED, now);
        return new StorefrontHost(host, tenantId, storefrontId);
    }

    public void reject(Instant now) {
        decide(Status.REJECTED, now);
    }

    private void decide(Status outcome, Instant now) {
        if (status != Status.PENDING) {
            throw new Conflict(host + " was already " + status.name().toLowerCase());
        }
        this.status = outcome;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getHost() {
        return host;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
