package org.cloudmarket.identity.service;

import java.time.Instant;
import org.cloudmarket.identity.domain.AuditAction;

/** An audit log line with the people named. */
public record AuditView(Instant occurredAt, AuditAction action, String actor, String subject, String remoteAddress, String channel) {
}
