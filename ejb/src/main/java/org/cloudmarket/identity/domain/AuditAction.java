package org.cloudmarket.identity.domain;

/** What the audit log records. */
public enum AuditAction {
    IMPERSONATION_STARTED,
    IMPERSONATION_ENDED,
    /** A customer's account was closed (h/customers); the subject is each of its users. */
    ACCOUNT_CLOSED
}
