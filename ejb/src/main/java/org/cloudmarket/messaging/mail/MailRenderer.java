package org.cloudmarket.messaging.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloudmarket.messaging.service.MailRequest;

/**
 * Renders a mail from its template: a subject, a plain-text part and an HTML part in the
 * request's language (English or Italian, else English), branded with the storefront's name and
 * logo. The texts live in {@code mails_<language>.properties}, the HTML and text frames in
 * {@code layout.html} and {@code layout.txt}. Values are plain text: escaped in the HTML part,
 * their line breaks dropped from the subject; {@code link} must be an absolute http(s) URL and
 * becomes the mail's button.
 */
public final class MailRenderer {

    static final List<String> LANGUAGES = List.of("en", "it");
    private static final String RESOURCES = "/org/cloudmarket/messaging/mail/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    private final Map<String, Properties> texts;
    private final String htmlLayout;
    private final String textLayout;

    MailRenderer(Map<String, Properties> texts, String htmlLayout, String textLayout) {
        this.texts = Map.copyOf(texts);
        this.htmlLayout = htmlLayout;
        this.textLayout = textLayout;
    }

    /** The shipped templates. */
    public static MailRenderer fromResources() {
        Map<String, Properties> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            try (InputStream in = resource("mails_" + language + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts.put(language, properties);
        }
        return new MailRenderer(texts, read("layout.html"), read("layout.txt"));
    }

    public RenderedMail render(MailRequest request, MailBranding branding) {
        String language = language(request.locale());
        String key = request.template().name() + ".";
        Map<String, String> values = new HashMap<>(request.values());
        values.put("storefront", branding.storefrontName());

        String subject = fill(text(language, key + "subject"), values, AS_IS).replaceAll("[\\r\\n\\t]+", " ").strip();
        List<String> paragraphs = paragraphs(fill(text(language, key + "body"), values, AS_IS));
        List<String> htmlParagraphs = paragraphs(fill(text(language, key + "body"), values, MailRenderer::escape));
        String footer = text(language, "footer");

        StringBuilder textContent = new StringBuilder(String.join("\n\n", paragraphs));
        StringBuilder htmlContent = new StringBuilder();
        htmlParagraphs.forEach(paragraph -> htmlContent.append(htmlParagraph(paragraph)));
        if (request.template().keys().contains("link")) {
            String link = requireAbsoluteUrl(values.get("link"));
            String action = fill(text(language, key + "action"), values, AS_IS);
            textContent.append("\n\n").append(action).append(":\n").append(link);
            htmlContent.append(button(link, escape(action))).append(linkHint(escape(text(language, "linkHint")), link));
        }
        String after = texts.get(language).getProperty(key + "after");
        if (after != null) {
            textContent.append("\n\n").append(String.join("\n\n", paragraphs(fill(after, values, AS_IS))));
            paragraphs(fill(after, values, MailRenderer::escape)).forEach(paragraph -> htmlContent.append(htmlParagraph(paragraph)));
        }

        String text = fill(textLayout, Map.of("storefront", branding.storefrontName(), "content", textContent.toString(),
                "footer", fill(footer, values, AS_IS)), AS_IS);
        String html = fill(htmlLayout, Map.of("lang", language, "subject", escape(subject), "brand", brand(branding),
                "content", htmlContent.toString(), "footer", fill(footer, values, MailRenderer::escape)), AS_IS);
        return new RenderedMail(request.template().name(), branding.storefrontName(), subject, text, html);
    }

    /** English or Italian; any other language, or none, is English. */
    static String language(Locale locale) {
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    /** Refuses what a mail must not link to (a relative path, javascript:, a mail's own host header games). */
    static String requireAbsoluteUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
        throw new IllegalArgumentException("A mail links only absolute http(s) URLs, not " + url);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The template with each {@code {name}} replaced by its value; the template's own text and the
     * values both pass {@code escape}, so a value can never open a tag. A placeholder without a
     * value is a broken template, refused rather than sent with a gap.
     */
    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        int from = 0;
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("The mail text \"" + template + "\" needs the value " + placeholder.group(1));
            }
            filled.append(escape.apply(template.substring(from, placeholder.start()))).append(escape.apply(value));
            from = placeholder.end();
        }
        return filled.append(escape.apply(template.substring(from))).toString();
    }

    private String text(String language, String key) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("The mail text " + key + " is missing in " + language);
        }
        return text;
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        return paragraphs;
    }

    private static String htmlParagraph(String escapedText) {
        return "<p style=\"margin:0 0 16px 0;font-size:16px;line-height:24px;\">" + escapedText.replace("\n", "<br>") + "</p>\n";
    }

    /** The link written out, for mail readers that do not show the button. */
    private static String linkHint(String escapedHint, String link) {
        return "<p style=\"margin:0 0 16px 0;font-size:13px;line-height:20px;color:#555555;\">" + escapedHint + "<br><a href=\""
                + escape(link) + "\" style=\"color:#555555;word-break:break-all;\">" + escape(link) + "</a></p>\n";
    }

    private static String button(String link, String escapedLabel) {
        return "<p style=\"margin:24px 0;\"><a href=\"" + escape(link) + "\" style=\"display:inline-block;padding:12px 24px;"
                + "background:#1f6feb;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;\">" + escapedLabel + "</a></p>\n";
    }

    private static String brand(MailBranding branding) {
        String name = escape(branding.storefrontName());
        return branding.logoUrl()
                .map(logo -> "<img src=\"" + escape(logo) + "\" alt=\"" + name + "\" height=\"40\" style=\"display:block;height:40px;"
                        + "max-width:200px;margin:0 0 8px 0;border:0;\">")
                .orElse("") + "<span style=\"font-size:20px;font-weight:bold;color:#1b1f24;\">" + name + "</span>";
    }

    private static InputStream resource(String name) {
        InputStream in = MailRenderer.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("The mail resource " + name + " is missing");
        }
        return in;
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
