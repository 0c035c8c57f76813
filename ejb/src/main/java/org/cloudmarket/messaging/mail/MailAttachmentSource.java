package org.cloudmarket.messaging.mail;

/**
 * Renders a mail's attachment when the mail is delivered, from the reference the outbox row keeps (its source,
 * tenant and id), so that no file's bytes wait in the outbox. A context that mails files (billing: invoice PDFs)
 * implements it as a CDI bean; messaging knows none of them by name.
 */
public interface MailAttachmentSource {

    /** A rendered file: its name, MIME type and bytes. */
    record Attached(String filename, String contentType, byte[] bytes) {
    }

    /** The name requests use (MailRequest.Attachment.source). */
    String source();

    /** The file of {@code id} of {@code tenantId}, rendered now (outside any request: the source binds the tenant itself). */
    Attached render(long tenantId, long id);
}
