package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.themes.BaseTheme;
import org.cloudmarket.themes.BrandingPalette;
import org.cloudmarket.themes.InvalidBranding;

/** How a storefront looks: a base theme and the palette layered on top of it. */
@Embeddable
public class Branding {

    @Column(name = "base_theme")
    private String baseTheme;

    @Column(name = "primary_color")
    private String primaryColor;

    @Column(name = "accent_color")
    private String accentColor;

    @Column(name = "font_family")
    private String fontFamily;

    protected Branding() {
    }

    public Branding(BrandingPalette palette) {
        this.baseTheme = palette.baseTheme().themeName();
        this.primaryColor = palette.primaryColor();
        this.accentColor = palette.accentColor();
        this.fontFamily = palette.fontFamily();
    }

    /** Validates raw input the way a form or an API call supplies it. */
    public static Branding of(String baseTheme, String primaryColor, String accentColor, String fontFamily) {
        BaseTheme theme = BaseTheme.byName(baseTheme)
                .orElseThrow(() -> new InvalidInput("baseTheme", "Unknown base theme: " + baseTheme));
        try {
            return new Branding(new BrandingPalette(theme, primaryColor, accentColor, fontFamily));
        } catch (InvalidBranding e) {
            throw new InvalidInput(e.field(), e.getMessage());
        }
    }

    /** The look a new marketplace's storefront starts with, until its admin restyles it. */
    public static Branding standard() {
        return of(BaseTheme.SAGA_BLUE.themeName(), "#1565c0", "#ff8f00", "Inter");
    }

    public BrandingPalette palette() {
        return new BrandingPalette(BaseTheme.byName(baseTheme).orElse(BaseTheme.SAGA_BLUE), primaryColor, accentColor, fontFamily);
    }
}
