package org.cloudmarket.messaging.service;

import java.util.Locale;
import java.util.Map;

/**
 * One mail to send: to whom, which template in which language, with which values. The storefront
 * it is branded with (name, logo) is the one the current request came through, else the tenant's
 * own.
 */
public record MailRequest(String to, MailTemplate template, Locale locale, Map<String, String> values, Attachment attachment) {

    /**
     * A file the mail carries, by reference: the outbox row holds its source and id, never its bytes, and the
     * source's MailAttachmentSource bean renders it again when the mail is delivered (an invoice's PDF).
     */
    public record Attachment(String source, long id) {
    }

    /** A mail without attachment. */
    public MailRequest(String to, MailTemplate template, Locale locale, Map<String, String> values) {
        this(to, template, locale, values, null);
    }

    public MailRequest {
        values = Map.copyOf(values);
        if (!values.keySet().containsAll(template.keys())) {
            throw new IllegalArgumentException(template + " needs the values " + template.keys() + ", got " + values.keySet());
        }
    }
}
