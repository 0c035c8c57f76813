package org.cloudmarket.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.shared.persistence.TenantOwned;

/** An in-app message to every user of an organization, or to one user. */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.FOR_READER, query = """
        SELECT m FROM Message m WHERE m.organizationId = :organization OR m.userId = :user
        ORDER BY m.createdAt DESC, m.id DESC""")
public class Message extends TenantOwned {

    public static final String FOR_READER = "Message.forReader";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    /** The keys as columns too: a path through a null relation would join it away. */
    @Column(name = "organization_id", insertable = false, updatable = false)
    private Long organizationId;

    @Column(name = "user_id", insertable = false, updatable = false)
    private Long userId;

    private String subject;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Message() {
    }

    private Message(Organization organization, User user, String subject, String body, Instant createdAt) {
        this.organization = organization;
        this.user = user;
        this.subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
        this.body = body.length() > 4000 ? body.substring(0, 4000) : body;
        this.createdAt = createdAt;
    }

    public static Message toOrganization(Organization organization, String subject, String body, Instant now) {
        return new Message(organization, null, subject, body, now);
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getReadAt() {
        return Optional.ofNullable(readAt);
    }
}
