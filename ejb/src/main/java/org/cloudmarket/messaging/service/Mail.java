package org.cloudmarket.messaging.service;

import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;

/**
 * Sends mail after the caller's transaction commits: {@link #send} only records the mail, inside
 * that transaction, so a mail exists exactly when the decision it reports does; the outbox worker
 * delivers it, retrying while the SMTP server is down.
 */
@Dependent
public class Mail {

    private static final Logger LOG = Logger.getLogger(Mail.class.getName());

    public void send(MailRequest request) {
        // Placeholder until the outbox lands (branch h/mail): the mail is only logged.
        LOG.info(() -> "Mail " + request.template() + " to " + request.to() + " (no outbox yet)");
    }
}
