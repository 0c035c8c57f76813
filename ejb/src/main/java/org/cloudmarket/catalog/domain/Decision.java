package org.cloudmarket.catalog.domain;

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
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/** The record of an approval or a rejection: who decided, when, and why. Never changed afterwards. */
@Entity
@Table(name = "decision")
@NamedQuery(name = Decision.OF_SUBJECT,
        query = "SELECT d FROM Decision d WHERE d.subject = :subject AND d.subjectId = :id ORDER BY d.decidedAt DESC, d.id DESC")
public class Decision extends TenantOwned {

    public static final String OF_SUBJECT = "Decision.ofSubject";

    /** What was decided on. */
    public enum Subject { VENDOR, PRODUCT }

    /** What was decided. */
    public enum Outcome { APPROVED, REJECTED }

    @Enumerated(EnumType.STRING)
    private Subject subject;

    @Column(name = "subject_id")
    private long subjectId;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String reason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    private User decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Decision() {
    }

    public Decision(Subject subject, long subjectId, Outcome outcome, String reason, User decidedBy, Instant decidedAt) {
        String given = reason == null ? "" : reason.strip();
        if (outcome == Outcome.REJECTED && given.isEmpty()) {
            throw new InvalidInput("reason", "Say why: the vendor reads the reason of a rejection");
        }
        if (given.length() > 1000) {
            throw new InvalidInput("reason", "A reason has at most 1000 characters");
        }
        this.subject = subject;
        this.subjectId = subjectId;
        this.outcome = outcome;
        this.reason = given;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Subject getSubject() {
        return subject;
    }

    public long getSubjectId() {
        return subjectId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public User getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
