package org.cloudmarket.themes;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A storefront's colours and font, validated so that nothing a tenant types can escape the
 * stylesheet it is written into: colours are {@code #rrggbb}, fonts come from a fixed list.
 */
public record BrandingPalette(BaseTheme baseTheme, String primaryColor, String accentColor, String fontFamily) {

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Web-safe stacks only: a free-text font name would be an injection point into CSS. */
    public static final Set<String> FONTS = Set.of("Inter", "Roboto", "Open Sans", "Lato", "Georgia", "Helvetica");

    public BrandingPalette {
        Objects.requireNonNull(baseTheme, "baseTheme");
        requireColor("primaryColor", primaryColor);
        requireColor("accentColor", accentColor);
        if (!FONTS.contains(fontFamily)) {
            throw new InvalidBranding("fontFamily", "fontFamily must be one of " + FONTS);
        }
        primaryColor = primaryColor.toLowerCase();
        accentColor = accentColor.toLowerCase();
    }

    public static boolean isColor(String value) {
        return value != null && HEX_COLOR.matcher(value).matches();
    }

    private static void requireColor(String field, String value) {
        if (!isColor(value)) {
            throw new InvalidBranding(field, field + " must be a colour like #1a73e8");
        }
    }
}
