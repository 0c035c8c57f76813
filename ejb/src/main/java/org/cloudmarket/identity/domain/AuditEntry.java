package org.cloudmarket.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cloudmarket.shared.persistence.TenantOwned;

/** One line of the audit log: who did what, as whom, when, and from where. Never changed. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST, query = "SELECT a FROM AuditEntry a ORDER BY a.occurredAt DESC, a.id DESC")
public class AuditEntry extends TenantOwned {

    public static final String LATEST = "AuditEntry.latest";

    /** Where the action came from. */
    public enum Channel { WEB, API }

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Column(name = "actor_id")
    private long actorId;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "remote_address")
    private String remoteAddress;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    /** The tenant acted upon, for the platform operator's actions on marketplaces (TENANT_CREATED). */
    @Column(name = "subject_tenant_id")
    private Long subjectTenantId;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, AuditAction action, long actorId, Long subjectId, String remoteAddress, Channel channel) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.actorId = actorId;
        this.subjectId = subjectId;
        this.remoteAddress = remoteAddress;
        this.channel = channel;
    }

    /** The platform operator's action on a marketplace, written in the platform tenant's log. */
    public static AuditEntry onTenant(Instant occurredAt, AuditAction action, long actorId, long tenantId, String remoteAddress,
                                      Channel channel) {
        AuditEntry entry = new AuditEntry(occurredAt, action, actorId, null, remoteAddress, channel);
        entry.subjectTenantId = tenantId;
        return entry;
    }

    public Long getSubjectTenantId() {
        return subjectTenantId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditAction getAction() {
        return action;
    }

    public long getActorId() {
        return actorId;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    /** Closing an account erases the address its user acted from; what was done stays audited. */
    public void forgetRemoteAddress() {
        this.remoteAddress = null;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public Channel getChannel() {
        return channel;
    }
}
