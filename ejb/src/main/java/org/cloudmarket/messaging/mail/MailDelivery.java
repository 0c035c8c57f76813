package org.cloudmarket.messaging.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.activation.DataHandler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import org.cloudmarket.shared.outbox.Delivery;
import org.cloudmarket.shared.outbox.OutboxChannel;

/**
 * The outbox's MAIL channel: sends the rendered mail (text and HTML alternatives) through
 * WildFly's mail session {@code java:jboss/mail/Cloudmarket} (configure.cli: SMTP_HOST, SMTP_PORT,
 * SMTP_TLS, MAIL_FROM). The optional SMTP_USER and SMTP_PASSWORD are read here: the mail
 * subsystem's username has no "absent" value an expression could give, and an empty one would
 * turn on authentication against servers (the demo's GreenMail) that need none.
 */
@ApplicationScoped
public class MailDelivery implements Delivery {

    /** A delivered mail keeps its template and storefront only: no link (token secret), no text. */
    @Override
    public String receipt(String payload) {
        return RenderedMail.receipt(payload);
    }

    /** Bounded, so that a hanging SMTP server never outlasts the worker's claim on a row. */
    private static final String TIMEOUT_MS = "15000";

    @Resource(lookup = "java:jboss/mail/Cloudmarket")
    private Session session;

    @Inject
    @Any
    private Instance<MailAttachmentSource> attachmentSources;

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.MAIL;
    }

    @Override
    public void deliver(String recipient, String payload) throws MessagingException, UnsupportedEncodingException {
        RenderedMail mail = RenderedMail.fromJson(payload);
        Session timed = withTimeouts(session);
        MimeMessage message = new MimeMessage(timed);
        String from = timed.getProperty("mail.from");
        if (from == null) {
            throw new IllegalStateException("The mail session java:jboss/mail/Cloudmarket has no sender (from)");
        }
        message.setFrom(new InternetAddress(from, mail.sender(), "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        if (mail.attachment() == null) {
            message.setContent(alternatives);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            message.setContent(new MimeMultipart("mixed", body, attachment(mail.attachment())));
        }
        message.saveChanges();
        try (Transport transport = timed.getTransport("smtp")) {
            String user = System.getenv("SMTP_USER");
            if (user != null && !user.isBlank()) {
                transport.connect(user, System.getenv("SMTP_PASSWORD"));
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The attachment rendered again by its source; a failure leaves the row for the next attempt, as an SMTP failure would. */
    private MimeBodyPart attachment(RenderedMail.AttachmentRef ref) throws MessagingException {
        for (MailAttachmentSource source : attachmentSources) {
            if (source.source().equals(ref.source())) {
                MailAttachmentSource.Attached file = source.render(ref.tenantId(), ref.id());
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.bytes(), file.contentType())));
                part.setFileName(file.filename());
                part.setDisposition(Part.ATTACHMENT);
                return part;
            }
        }
        throw new IllegalStateException("No mail attachment source " + ref.source());
    }

    /** The server's session with bounded connect, read and write times (Jakarta Mail waits forever by default). */
    private static Session withTimeouts(Session configured) {
        Properties properties = new Properties();
        properties.putAll(configured.getProperties());
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            properties.putIfAbsent("mail.smtp." + timeout, TIMEOUT_MS);
        }
        return Session.getInstance(properties);
    }
}
