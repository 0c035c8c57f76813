package org.cloudmarket.identity.domain;

/** What the audit log records. */
public enum AuditAction {
    IMPERSONATION_STARTED,
    IMPERSONATION_ENDED,
    // users (h/users): subject is the user concerned
    USER_CREATED,
    USER_DISABLED,
    USER_ENABLED,
    USER_ROLE_CHANGED,
    PASSWORD_CHANGED,
    // API keys (h/users): subject is the key's machine user
    API_KEY_CREATED,
    API_KEY_REVOKED,
    /** A customer's account was closed (h/customers); the subject is each of its users. */
    ACCOUNT_CLOSED,
    // platform: the operator opened a marketplace (the entry's subject is the new tenant)
    TENANT_CREATED
}
