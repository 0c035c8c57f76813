package org.cloudmarket.messaging.service;

import java.util.Locale;
import java.util.Map;

/**
 * One mail to send: to whom, which template in which language, with which values. The storefront
 * it is branded with (name, logo) is the one the current request came through, else the tenant's
 * own.
 */
public record MailRequest(String to, MailTemplate template, Locale locale, Map<String, String> values) {

    public MailRequest {
        values = Map.copyOf(values);
        if (!values.keySet().containsAll(template.keys())) {
            throw new IllegalArgumentException(template + " needs the values " + template.keys() + ", got " + values.keySet());
        }
    }
}
