package org.cloudmarket.catalog.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/** The marketing data of a product, as a vendor writes it; checked on the way in. */
public record ProductDetails(String name, String summary, String description, Long categoryId, List<String> tags,
                             String faq, String terms, String privacy, int trialDays) {

    public ProductDetails {
        name = Texts.required("name", name, 120);
        summary = Texts.required("summary", summary, 300);
        description = Texts.optional("description", description, 20_000);
        faq = Texts.optional("faq", faq, 20_000);
        terms = Texts.optional("terms", terms, 50_000);
        privacy = Texts.optional("privacy", privacy, 50_000);
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(tag -> !tag.isEmpty()).map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
        if (tags.stream().anyMatch(tag -> tag.length() > 40 || tag.contains(","))) {
            throw new InvalidInput("tags", "A tag has at most 40 characters and no comma");
        }
        if (String.join(",", tags).length() > 500) {
            throw new InvalidInput("tags", "Too many tags: at most 500 characters in all");
        }
        if (trialDays < 0 || trialDays > 365) {
            throw new InvalidInput("trialDays", "A trial lasts 0 to 365 days");
        }
    }
}
