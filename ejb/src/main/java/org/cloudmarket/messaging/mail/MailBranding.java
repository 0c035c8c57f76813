package org.cloudmarket.messaging.mail;

import java.util.Optional;

/**
 * Who a mail comes from, as its reader sees it: the storefront's name, and its logo as an
 * absolute URL (none when the storefront has no logo, or when no request says which host
 * serves it).
 */
public record MailBranding(String storefrontName, Optional<String> logoUrl) {

    public MailBranding {
        if (storefrontName == null || storefrontName.isBlank()) {
            throw new IllegalArgumentException("A mail is branded with a storefront's name");
        }
        logoUrl.ifPresent(MailRenderer::requireAbsoluteUrl);
    }
}
