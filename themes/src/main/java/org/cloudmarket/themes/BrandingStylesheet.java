package org.cloudmarket.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders the branding layer that goes on top of a storefront's base theme, from the template
 * {@code branding.css} next to this class. Only validated values reach the template.
 */
public final class BrandingStylesheet {

    private static final String TEMPLATE = load();

    private BrandingStylesheet() {
    }

    public static String render(BrandingPalette palette) {
        return TEMPLATE
                .replace("{{primary}}", palette.primaryColor())
                .replace("{{primaryText}}", readableTextOn(palette.primaryColor()))
                .replace("{{accent}}", palette.accentColor())
                .replace("{{font}}", palette.fontFamily());
    }

    /** Black or white, whichever reads better on the given background (WCAG relative luminance). */
    static String readableTextOn(String hexColor) {
        double luminance = 0.2126 * channel(hexColor, 1) + 0.7152 * channel(hexColor, 3) + 0.0722 * channel(hexColor, 5);
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    private static double channel(String hexColor, int offset) {
        double value = Integer.parseInt(hexColor.substring(offset, offset + 2), 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    private static String load() {
        try (InputStream in = BrandingStylesheet.class.getResourceAsStream("branding.css")) {
            if (in == null) {
                throw new IllegalStateException("branding.css template is missing from the themes jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
