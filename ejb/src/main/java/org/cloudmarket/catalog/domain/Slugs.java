package org.cloudmarket.catalog.domain;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly names: "Nimbus Backup Pro!" becomes "nimbus-backup-pro". */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "item" : slug.substring(0, Math.min(slug.length(), 120));
    }
}
