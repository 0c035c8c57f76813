package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one request that waits for a host name: its primary key is the host, so the database
 * refuses a second request for it, from another storefront of the tenant or from another tenant,
 * until the operator decides the first. Platform data, like the routing table.
 */
@Entity
@Table(name = "custom_domain_claim")
public class DomainClaim {

    @Id
    private String host;

    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "request_id")
    private long requestId;

    protected DomainClaim() {
    }

    public DomainClaim(CustomDomain request) {
        this.host = request.getHost();
        this.tenantId = request.getTenantId();
        this.requestId = request.getId();
    }

    public long getRequestId() {
        return requestId;
    }
}
