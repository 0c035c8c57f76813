package org.cloudmarket.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrandingStylesheetTest {

    @Test
    void rendersTheStorefrontColoursAndFont() {
        String css = BrandingStylesheet.render(new BrandingPalette(BaseTheme.SAGA_BLUE, "#1A73E8", "#ff6f00", "Roboto"));

        assertThat(css).contains("--cm-primary: #1a73e8;", "--cm-accent: #ff6f00;", "\"Roboto\"")
                .doesNotContain("{{");
    }

    @Test
    void picksWhiteTextOnDarkColoursAndBlackOnLightOnes() {
        assertThat(BrandingStylesheet.readableTextOn("#1a237e")).isEqualTo("#ffffff");
        assertThat(BrandingStylesheet.readableTextOn("#ffeb3b")).isEqualTo("#000000");
    }

    @Test
    void refusesAColourThatCouldBreakOutOfTheStylesheet() {
        assertThatThrownBy(() -> new BrandingPalette(BaseTheme.SAGA_BLUE, "red;}</style><script>", "#ffffff", "Inter"))
                .isInstanceOf(InvalidBranding.class)
                .extracting(e -> ((InvalidBranding) e).field()).isEqualTo("primaryColor");
    }

    @Test
    void refusesAFontOutsideTheList() {
        assertThatThrownBy(() -> new BrandingPalette(BaseTheme.SAGA_BLUE, "#000000", "#ffffff", "x\"}body{display:none"))
                .isInstanceOf(InvalidBranding.class)
                .extracting(e -> ((InvalidBranding) e).field()).isEqualTo("fontFamily");
    }

    @Test
    void findsABaseThemeByItsPrimeFacesName() {
        assertThat(BaseTheme.byName("vela-blue")).contains(BaseTheme.VELA_BLUE);
        assertThat(BaseTheme.byName("no-such-theme")).isEmpty();
    }
}
