package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** A customer the buying ITs make for themselves: its organization id, its user's e-mail and a token at its store. */
record Buyer(long id, String email, String token) {

    String[] auth() {
        return Http.bearer(token);
    }

    /**
     * A new company customer of the seller (billing details included, so it is invoiced), whose user has the demo's
     * password and a verified address, signed in at {@code store}.
     */
    static Buyer newCustomer(String seller, Http store, String label) {
        Http acme = Http.host("acme.localhost");
        String suffix = Unique.suffix();
        HttpResponse<String> created = acme.postJson("/api/v1/customers", """
                {"kind":"COMPANY","name":"%s %s","email":"%s-%s@customers.test","address":"Via Verdi 1",
                 "city":"Torino","postalCode":"10121","country":"IT","vatNumber":"IT01234567897","fiscalCode":"01234567897",
                 "sdiCode":"ABC1234"}""".formatted(label, suffix, label.toLowerCase(java.util.Locale.ROOT), suffix),
                Http.bearer(acme.token(seller, "demo")));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        JsonNode customer = Http.json(created);
        String email = customer.get("users").get(0).get("email").asText();
        String demoHash = TestDatabase.query("SELECT password_hash FROM app_user WHERE email = 'customer@acme.test'").get(0);
        assertThat(TestDatabase.update("UPDATE app_user SET password_hash = ?, email_verified_at = NOW(6) WHERE email = ?", demoHash, email))
                .isEqualTo(1);
        return new Buyer(customer.get("id").asLong(), email, store.token(email, "demo"));
    }
}
