package org.cloudmarket.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail GreenMail received (MailCatcher): its recipients, subject, and plain-text and HTML parts (empty when absent). */
record CaughtMail(List<String> to, String from, String subject, String text, String html, List<Attachment> attachments) {

    /** A part sent as an attachment (h/invoices: an invoice's PDF). */
    record Attachment(String filename, String contentType, byte[] bytes) {
    }

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** The first link (of the HTML part, else the text part) whose URL contains {@code pathPart}. */
    String link(String pathPart) {
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            String url = href.group(1).replace("&amp;", "&");
            if (url.contains(pathPart)) {
                return url;
            }
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            if (url.group().contains(pathPart)) {
                return url.group();
            }
        }
        throw new AssertionError("The mail \"" + subject + "\" to " + to + " has no link containing " + pathPart + ":\n" + text);
    }
}
