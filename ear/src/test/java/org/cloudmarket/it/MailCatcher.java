package org.cloudmarket.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SMTP server the server under test sends to (its default, localhost:3025): an in-JVM
 * GreenMail, started once for the whole run by {@link EarIT}. Tests read what it received;
 * {@link #stop} and {@link #start} take it away and bring it back, to prove the outbox retries.
 * Mails caught before a stop stay readable.
 */
final class MailCatcher {

    static final int SMTP_PORT = 3025;

    private static GreenMail server;
    /** What earlier instances caught (a stopped GreenMail forgets its mail). */
    private static final List<CaughtMail> BEFORE_RESTARTS = new ArrayList<>();

    private MailCatcher() {
    }

    /** Starts the catcher unless it is running. */
    static synchronized void start() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            started.start();
            server = started;
        }
    }

    /** Stops it: the server under test finds no SMTP server until {@link #start}. */
    static synchronized void stop() {
        if (server != null) {
            BEFORE_RESTARTS.addAll(caught(server));
            server.stop();
            server = null;
        }
    }

    /** Every mail caught so far to {@code recipient} (case-insensitive), oldest first. */
    static synchronized List<CaughtMail> received(String recipient) {
        List<CaughtMail> all = new ArrayList<>(BEFORE_RESTARTS);
        if (server != null) {
            all.addAll(caught(server));
        }
        String address = recipient.toLowerCase(Locale.ROOT);
        return all.stream().filter(mail -> mail.to().contains(address)).toList();
    }

    /** The newest mail to {@code recipient}, waiting for one up to {@code timeout}. */
    static CaughtMail await(String recipient, Duration timeout) {
        List<CaughtMail> mails = awaitMails(recipient, mail -> true, 1, timeout);
        return mails.get(mails.size() - 1);
    }

    /** The mails to {@code recipient} that match, oldest first, once there are at least {@code count}. */
    static List<CaughtMail> awaitMails(String recipient, Predicate<CaughtMail> which, int count, Duration timeout) {
        return Eventually.find(count + " matching mail(s) to " + recipient, timeout, () -> {
            List<CaughtMail> mails = received(recipient).stream().filter(which).toList();
            return mails.size() >= count ? Optional.of(mails) : Optional.empty();
        });
    }

    /**
     * The link containing {@code pathPart} in the newest mail to {@code recipient} that has one,
     * waiting up to {@code timeout}: a walk that expects a second mail (a reset after the
     * verification) waits for the one it expects, not the newest of any kind.
     */
    static String awaitLink(String recipient, String pathPart, Duration timeout) {
        List<CaughtMail> mails = awaitMails(recipient, mail -> mail.html().contains(pathPart) || mail.text().contains(pathPart), 1, timeout);
        return mails.get(mails.size() - 1).link(pathPart);
    }

    private static List<CaughtMail> caught(GreenMail greenMail) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailCatcher::read).toList();
    }

    private static CaughtMail read(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getAllRecipients()).map(MailCatcher::address).toList();
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            List<CaughtMail.Attachment> attachments = new ArrayList<>();
            collect(message, text, html, attachments);
            return new CaughtMail(to, address(message.getFrom()[0]), message.getSubject(), text.toString(), html.toString(), attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("GreenMail received a mail that cannot be read", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, List<CaughtMail.Attachment> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (java.io.InputStream in = part.getInputStream()) {
                attachments.add(new CaughtMail.Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
            }
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    private static String address(Address address) {
        return (address instanceof InternetAddress internet ? internet.getAddress() : address.toString()).toLowerCase(Locale.ROOT);
    }
}
