package org.cloudmarket.tenancy.domain;

import java.net.URI;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/**
 * One of a storefront's banners: a headline, a line of text and where a click leads. The link is
 * an https address or a path of the storefront itself, never a {@code javascript:} or {@code data:}
 * link that would run in the visitor's page. Its optional picture is uploaded on its own.
 */
public record Banner(String title, String text, String link) {

    public Banner {
        title = Texts.required("banners.title", title, 120);
        text = Texts.optional("banners.text", text, 500);
        link = link(Texts.optional("banners.link", link, 300));
    }

    private static String link(String link) {
        if (link == null) {
            return null;
        }
        if (link.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInput("banners.link", "A banner link has no control characters");
        }
        if (link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")) {
            return link; // a page of the storefront itself
        }
        try {
            URI uri = URI.create(link);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException notALink) {
            // falls through to the one message below
        }
        throw new InvalidInput("banners.link", "A banner links to an https:// address or to a page of the storefront (/catalog.xhtml)");
    }
}
