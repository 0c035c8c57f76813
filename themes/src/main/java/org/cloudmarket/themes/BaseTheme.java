package org.cloudmarket.themes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The PrimeFaces themes a storefront can build on. Compiled themes carry literal colours, so a
 * storefront picks the closest base and the {@link BrandingStylesheet} recolours what matters.
 */
public enum BaseTheme {
    SAGA_BLUE("saga-blue", false),
    VELA_BLUE("vela-blue", true),
    ARYA_BLUE("arya-blue", true),
    LUNA_GREEN("luna-green", true),
    LUNA_AMBER("luna-amber", true),
    NOVA_LIGHT("nova-light", false),
    BOOTSTRAP4_BLUE_LIGHT("bootstrap4-blue-light", false),
    BOOTSTRAP4_PURPLE_LIGHT("bootstrap4-purple-light", false),
    MATERIAL_INDIGO_LIGHT("material-indigo-light", false);

    private final String themeName;
    private final boolean dark;

    BaseTheme(String themeName, boolean dark) {
        this.themeName = themeName;
        this.dark = dark;
    }

    /** The value PrimeFaces expects in {@code primefaces.THEME}. */
    public String themeName() {
        return themeName;
    }

    public boolean isDark() {
        return dark;
    }

    public static Optional<BaseTheme> byName(String themeName) {
        return Arrays.stream(values()).filter(theme -> theme.themeName.equals(themeName)).findFirst();
    }
}
