package org.cloudmarket.identity.domain;

/** What the audit log records. */
public enum AuditAction {
    IMPERSONATION_STARTED,
    IMPERSONATION_ENDED,
    // platform: the operator opened a marketplace (the entry's subject is the new tenant)
    TENANT_CREATED
}
