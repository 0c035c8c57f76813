package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * One e-mail rule on every path that makes a user (User.email): an address with a display-name
 * part, or longer than its column, is a 422 naming {@code email}, never a 500 from the outbox or
 * the database, and nothing is written; a display name longer than its column names {@code displayName}.
 */
class EmailRuleIT extends EarIT {

    private static final String ANGLED = "a<b@x.com";
    /** 287 characters: beyond the column's 254. */
    private static final String TOO_LONG = "a".repeat(280) + "@x.test";

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    @Test
    void anAdminInvitingABadAddressOrAnOverlongNameGetsA422NamingTheField() {
        String admin = acme.token("admin@acme.test", "demo");

        for (String email : new String[] {ANGLED, TOO_LONG}) {
            HttpResponse<String> invited = acme.postJson("/api/v1/users", "{\"email\":\"" + email
                    + "\",\"role\":\"SUPERVISOR\",\"displayName\":\"Angled\"}", Http.bearer(admin));
            assertRefused(invited, "email");
        }
        String email = Accounts.uniqueEmail("longname");
        HttpResponse<String> longName = acme.postJson("/api/v1/users", "{\"email\":\"" + email
                + "\",\"role\":\"SUPERVISOR\",\"displayName\":\"" + "N".repeat(300) + "\"}", Http.bearer(admin));
        assertRefused(longName, "displayName");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email IN (?, ?, ?)", ANGLED, "b@x.com", email))
                .containsExactly("0");
    }

    @Test
    void anAdminOpeningAnOrganizationForABadAddressGetsA422() {
        String name = "Angled Reseller " + Unique.suffix();
        HttpResponse<String> opened = acme.postJson("/api/v1/organizations", "{\"kind\":\"RESELLER\",\"name\":\"" + name + "\",\"parentId\":"
                + Accounts.organizationId("Alpine Distribution") + ",\"userEmail\":\"" + ANGLED + "\",\"userDisplayName\":\"First\"}",
                Http.bearer(acme.token("admin@acme.test", "demo")));

        assertRefused(opened, "email");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE name = ?", name)).containsExactly("0");
    }

    @Test
    void aVisitorSigningUpAndAnAdminCreatingACustomerWithABadAddressGetA422() {
        String name = "Angled Customer " + Unique.suffix();
        for (String email : new String[] {ANGLED, TOO_LONG}) {
            assertRefused(cloudy.postJson("/api/v1/customers", customer(name, email)), "email");
            assertRefused(acme.postJson("/api/v1/customers", customer(name, email), Http.bearer(acme.token("admin@acme.test", "demo"))),
                    "email");
        }
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE legal_name = ?", name)).containsExactly("0");
    }

    private static String customer(String name, String email) {
        return """
                {"kind":"COMPANY","name":"%s","email":"%s","password":"a long and unusual passphrase","address":"Hauptstrasse 5",
                 "city":"Berlin","postalCode":"10115","country":"DE","vatNumber":"DE 123 456 789","acceptTerms":true}"""
                .formatted(name, email);
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(422);
        assertThat(Http.json(response).get("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
