package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.ClientDecimalsIT.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the longest text a length limit lets in is stored, and one character more is a 422,
 * never a 500 from a column too small for it. The worst cases: 4-byte characters (an emoji, two
 * UTF-16 units of the limit), 3-byte ones (a CJK character, one unit), in a four-byte UTF-8 column.
 */
class TextCapacityIT extends EarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** U+1F600, 4 bytes of UTF-8, 2 units of the limits of Texts. */
    private static final String EMOJI = "\uD83D\uDE00";

    private final Http acme = Http.host("acme.localhost");

    @Test
    void aProductsLongestTextsIn4ByteCharactersAreStoredAndOneMoreIsRefused() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String description = EMOJI.repeat(10_000); // the 20,000 of description and faq
        String terms = EMOJI.repeat(25_000); // the 50,000 of terms and privacy

        HttpResponse<String> created = acme.postJson("/api/v1/products", product(description, description, terms, terms),
                Http.bearer(nimbus));

        assertThat(created.statusCode()).as("%s", created.body().substring(0, Math.min(300, created.body().length()))).isEqualTo(201);
        JsonNode stored = Http.json(acme.get("/api/v1/products/" + Http.json(created).get("id").asLong(), Http.bearer(nimbus)));
        assertThat(stored.get("description").asText()).isEqualTo(description);
        assertThat(stored.get("faq").asText()).isEqualTo(description);
        assertThat(stored.get("terms").asText()).isEqualTo(terms);
        assertThat(stored.get("privacy").asText()).isEqualTo(terms);
        assertProblem(acme.postJson("/api/v1/products", product(null, null, terms + "a", null), Http.bearer(nimbus)), "terms");
        assertProblem(acme.postJson("/api/v1/products", product(null, null, null, terms + "a"), Http.bearer(nimbus)), "privacy");
        assertProblem(acme.postJson("/api/v1/products", product(description + "a", null, null, null), Http.bearer(nimbus)),
                "description");
    }

    @Test
    void theLongestTermsIn3ByteCharactersAreStored() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String terms = "\u4E2D".repeat(50_000); // 150,000 bytes of UTF-8 (and no latin1): more than a TEXT column holds

        HttpResponse<String> created = acme.postJson("/api/v1/products", product(null, null, terms, terms), Http.bearer(nimbus));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode stored = Http.json(acme.get("/api/v1/products/" + Http.json(created).get("id").asLong(), Http.bearer(nimbus)));
        assertThat(stored.get("terms").asText()).isEqualTo(terms);
    }

    @Test
    void aStorefrontsLongestCheckoutTermsAreStoredAndRestored() {
        Http cloudy = Http.host("cloudy.acme.localhost");
        String owner = cloudy.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(owner)));
        String before = mine.get("details").path("checkoutTerms").asText(null);
        String longest = EMOJI.repeat(10_000);
        try {
            HttpResponse<String> saved = cloudy.putJson("/api/v1/storefronts/mine",
                    ChannelApiIT.storefrontBody(mine, "checkoutTerms", longest), Http.bearer(owner));

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(owner))).get("details").get("checkoutTerms").asText())
                    .isEqualTo(longest);
            assertProblem(cloudy.putJson("/api/v1/storefronts/mine", ChannelApiIT.storefrontBody(mine, "checkoutTerms", longest + "a"),
                    Http.bearer(owner)), "checkoutTerms");
        } finally {
            ObjectNode restore = (ObjectNode) Http.json(ChannelApiIT.storefrontBody(mine));
            restore.put("checkoutTerms", before);
            assertThat(cloudy.putJson("/api/v1/storefronts/mine", restore.toString(), Http.bearer(owner)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyTextColumnHoldsAnyUnicodeCharacter() {
        List<String> narrow = TestDatabase.query("""
                SELECT CONCAT(LOWER(table_name), '.', LOWER(column_name), ' ', character_set_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL AND character_set_name <> 'utf8mb4'
                  AND LOWER(table_name) NOT LIKE 'databasechangelog%'""");

        assertThat(narrow).isEmpty();
    }

    private static String product(String description, String faq, String terms, String privacy) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "Nimbus Texts " + UUID.randomUUID().toString().substring(0, 8));
        body.put("summary", "A test product");
        body.put("description", description);
        body.put("faq", faq);
        body.put("terms", terms);
        body.put("privacy", privacy);
        return body.toString();
    }
}
