package org.cloudmarket.identity.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.cloudmarket.identity.domain.AttemptWindow;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Limits the mails a stranger can make the marketplace send (password resets and sign-ups, SignUps): 3 per
 * e-mail and 50 per client address, per tenant in SignInThrottle's 15-minute windows, counted the
 * same way in the same table under kinds of their own. Being throttled is not told to the client:
 * the answer stays the one every e-mail gets, only the mail is not sent.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailThrottle {

    static final AttemptWindow EMAILS = new AttemptWindow("MAIL", 3);
    static final AttemptWindow ADDRESSES = new AttemptWindow("MAILADDR", 50);

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private TenantContext tenantContext;

    /** Counts a mail to this e-mail asked from this address; false, having counted nothing, when either is used up. */
    public boolean allows(String normalizedEmail, String clientAddress) {
        long tenantId = tenantContext.requireTenantId();
        Instant now = clock.instant();
        String address = SignInThrottle.subject(clientAddress == null ? "" : clientAddress);
        try (Connection connection = dataSource.getConnection()) {
            if (SignInThrottle.claim(connection, ADDRESSES, tenantId, address, now).isPresent()) {
                return false;
            }
            if (SignInThrottle.claim(connection, EMAILS, tenantId, SignInThrottle.subject(normalizedEmail), now).isPresent()) {
                SignInThrottle.giveBack(connection, ADDRESSES, tenantId, address, now);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("The mail throttle could not be read", e);
        }
    }
}
