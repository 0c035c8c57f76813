package org.cloudmarket.identity.domain;

/** What the audit log records. */
public enum AuditAction {
    IMPERSONATION_STARTED,
    IMPERSONATION_ENDED
}
