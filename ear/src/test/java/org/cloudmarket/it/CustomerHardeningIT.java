package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's review, the customers' items: a customer's name is never a conflict, one invitation
 * path, no customers on the platform's host, closing forgets addresses and coupons' targets and
 * cannot be undone, impersonated closings name the staff member, API keys add no principals, and
 * 409s name their field. Every customer is made here (Unique): the class passes again on one database.
 */
class CustomerHardeningIT extends EarIT {

    private static final String BRIGHT = "reseller@acme.test";
    private static final String CLOUDY = "reseller2@acme.test";
    private static final String ADMIN = "admin@acme.test";

    private final Http acme = Http.host("acme.localhost");

    private String[] as(String email) {
        return Http.bearer(acme.token(email, "demo"));
    }

    private HttpResponse<String> create(String[] caller, String name, String email) {
        return acme.postJson("/api/v1/customers", """
                {"kind":"PERSON","name":"%s","email":"%s","address":"Via Po 3","city":"Torino","postalCode":"10121",
                 "country":"IT","fiscalCode":"BNCMRA80A41L219W","sdiCode":"ABC1234"}""".formatted(name, email), caller);
    }

    private JsonNode created(String[] caller, String name, String email) {
        HttpResponse<String> response = create(caller, name, email);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private static String userIdOf(String email) {
        return TestDatabase.query("SELECT id FROM app_user WHERE email = ?", email).get(0);
    }

    /** Item 5: two sellers' customers, or two sign-ups, of one legal name; a change of details never a 409. */
    @Test
    void aLegalNameTakenElsewhereIsNeverAConflict() {
        String suffix = Unique.suffix();
        String name = "Mario Rossi " + suffix;
        created(as(CLOUDY), name, "rossi-c-" + suffix + "@customers.test");

        JsonNode brights = created(as(BRIGHT), name, "rossi-b-" + suffix + "@customers.test");
        long id = brights.get("id").asLong();
        HttpResponse<String> city = acme.patchJson("/api/v1/customers/" + id, "{\"city\":\"Milano\"}", as(BRIGHT));
        JsonNode other = created(as(BRIGHT), "Anna Verdi " + suffix, "verdi-" + suffix + "@customers.test");
        HttpResponse<String> renamed = acme.patchJson("/api/v1/customers/" + other.get("id").asLong(),
                "{\"name\":\"" + name + "\"}", as(BRIGHT));

        assertThat(brights.get("name").asText()).as("no trace of Cloudy's customer").isEqualTo(name);
        assertThat(city.statusCode()).as("%s", city.body()).isEqualTo(200);
        assertThat(Http.json(city).get("name").asText()).isEqualTo(name);
        assertThat(renamed.statusCode()).as("%s", renamed.body()).isEqualTo(200);
        assertThat(Http.json(renamed).get("name").asText()).isEqualTo(name);

        // two sign-ups of one name on the tenant's storefront: the second changes its details
        String first = "signup-1-" + suffix + "@customers.test";
        String second = "signup-2-" + suffix + "@customers.test";
        for (String email : new String[] {first, second}) {
            HttpResponse<String> signUp = acme.postJson("/api/v1/customers", """
                    {"kind":"PERSON","name":"Luigi Neri %s","email":"%s","password":"%s","address":"Via Po 3","city":"Torino",
                     "postalCode":"10121","country":"IT","fiscalCode":"BNCMRA80A41L219W","sdiCode":"ABC1234","acceptTerms":true}"""
                    .formatted(suffix, email, SignUpIT.PASSWORD));
            assertThat(signUp.statusCode()).as("%s", signUp.body()).isEqualTo(202);
        }
        String[] own = Http.bearer(acme.token(second, SignUpIT.PASSWORD));
        long secondId = Long.parseLong(TestDatabase.query("SELECT organization_id FROM app_user WHERE email = ?", second).get(0));
        HttpResponse<String> changed = acme.patchJson("/api/v1/customers/" + secondId, "{\"city\":\"Roma\"}", own);
        assertThat(changed.statusCode()).as("%s", changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).get("name").asText()).isEqualTo("Luigi Neri " + suffix);
    }

    /** Items 9 and 19: a seller's customer's first user goes through Invitations. */
    @Test
    void aSellersCustomerIsInvitedThroughTheOnePath() {
        SoftAssertions soft = new SoftAssertions();
        String suffix = Unique.suffix();
        String email = "invited-" + suffix + "@customers.test";
        JsonNode customer = created(as(BRIGHT), "Gianni Blu " + suffix, email);
        HttpResponse<String> machine = create(as(BRIGHT), "Robot " + suffix, "robot-" + suffix + "@api-keys.invalid");
        HttpResponse<String> again = create(as(BRIGHT), "Again " + suffix, email);

        soft.assertThat(customer.get("users").get(0).get("email").asText()).isEqualTo(email);
        soft.assertThat(TestDatabase.query("SELECT actor_id FROM audit_entry WHERE action = 'USER_CREATED' AND subject_id = ?",
                userIdOf(email))).containsExactly(userIdOf(BRIGHT));
        soft.assertThat(TestDatabase.query("SELECT purpose FROM account_token WHERE user_id = ?", userIdOf(email)))
                .containsExactly("INVITATION");
        soft.assertThat(machine.statusCode()).as("%s", machine.body()).isEqualTo(422);
        soft.assertThat(Http.json(machine).at("/field").asText()).isEqualTo("email");
        soft.assertThat(again.statusCode()).as("%s", again.body()).isEqualTo(409);
        soft.assertThat(Http.json(again).at("/field").asText()).isEqualTo("email");
        soft.assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE legal_name IN (?, ?)", "Robot " + suffix, "Again " + suffix))
                .as("nothing half-written").containsExactly("0");
        soft.assertAll();
    }

    /** Item 19: a taken organization name is a 409 naming {@code name}. */
    @Test
    void aTakenOrganizationNameIsAConflictNamingTheField() {
        String existing = TestDatabase.query("""
                SELECT o.name FROM organization o JOIN tenant t ON t.id = o.tenant_id
                WHERE t.slug = 'acme' AND o.kind = 'VENDOR' ORDER BY o.id""").get(0);
        String email = "vendor-" + Unique.suffix() + "@vendors.test";

        HttpResponse<String> opened = acme.postJson("/api/v1/organizations", "{\"kind\":\"VENDOR\",\"name\":\"" + existing
                + "\",\"userEmail\":\"" + email + "\",\"userDisplayName\":\"V\"}", as(ADMIN));

        assertThat(opened.statusCode()).as("%s", opened.body()).isEqualTo(409);
        assertThat(Http.json(opened).at("/field").asText()).isEqualTo("name");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", email)).containsExactly("0");
    }

    /** Item 10: the platform's host has no customers. */
    @Test
    void nobodySignsUpOnThePlatformsHost() {
        String suffix = Unique.suffix();
        String email = "platform-" + suffix + "@customers.test";
        HttpResponse<String> signUp = Http.host("platform.localhost").postJson("/api/v1/customers", """
                {"kind":"PERSON","name":"Pia Platform %s","email":"%s","password":"%s","address":"Via Po 3","city":"Torino",
                 "postalCode":"10121","country":"IT","fiscalCode":"BNCMRA80A41L219W","sdiCode":"ABC1234","acceptTerms":true}"""
                .formatted(suffix, email, SignUpIT.PASSWORD));

        assertThat(signUp.statusCode()).as("%s", signUp.body()).isEqualTo(403);
        assertThat(signUp.body()).contains("platform");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", email)).containsExactly("0");
    }

    /** Items 11, 12 and 17: closing while impersonating, what it forgets, and that it stays closed. */
    @Test
    void closingForgetsAddressesAndTargetsIsTheStaffsAndCannotBeUndone() {
        String suffix = Unique.suffix();
        String email = "closing-" + suffix + "@customers.test";
        long id = created(as(BRIGHT), "Carla Chiusa " + suffix, email).get("id").asLong();
        String userId = userIdOf(email);
        String adminId = userIdOf(ADMIN);
        String tenant = TestDatabase.query("SELECT id FROM tenant WHERE slug = 'acme'").get(0);
        String own = address("2001:db8:c", suffix);
        String staffs = address("2001:db8:5", suffix);
        TestDatabase.update("""
                INSERT INTO audit_entry (tenant_id, occurred_at, action, actor_id, subject_id, remote_address, channel)
                VALUES (?, NOW(6), 'USER_ROLE_CHANGED', ?, ?, ?, 'API'), (?, NOW(6), 'USER_ROLE_CHANGED', ?, ?, ?, 'API')""",
                tenant, userId, userId, own, tenant, adminId, userId, staffs);
        String code = "CLOSE" + suffix;
        HttpResponse<String> coupon = acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"effect\":\"PERCENT_OFF\","
                + "\"percentOff\":10,\"destination\":\"TOTAL\",\"validFrom\":\"2030-01-01T00:00:00Z\",\"validUntil\":\"2031-01-01T00:00:00Z\","
                + "\"targetEmail\":\"" + email + "\"}", as(ADMIN));
        assertThat(coupon.statusCode()).as("%s", coupon.body()).isEqualTo(201);

        // soft: each of the closing's rules (items 11, 17, 12) shows red or green on its own
        SoftAssertions soft = new SoftAssertions();
        HttpResponse<String> export = acme.get("/api/v1/customers/" + id + "/export", as(ADMIN));
        soft.assertThat(export.statusCode()).as("%s", export.body()).isEqualTo(200);
        soft.assertThat(export.body()).as("its own user's address only").contains(own).doesNotContain(staffs);

        HttpResponse<String> started = acme.postJson("/api/v1/impersonations", "{\"userId\":" + userId + "}", as(ADMIN));
        soft.assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(201);
        // an impersonation token is the customer's: used at its seller's storefront
        HttpResponse<String> closed = Http.host("reseller.acme.localhost").post("/api/v1/customers/" + id + "/closing",
                Http.bearer(Http.json(started).get("token").asText()));

        soft.assertThat(closed.statusCode()).as("%s", closed.body()).isEqualTo(204);
        soft.assertThat(TestDatabase.query("SELECT actor_id FROM audit_entry WHERE action = 'ACCOUNT_CLOSED' AND subject_id = ?", userId))
                .as("the staff member at the keyboard").containsExactly(adminId);
        soft.assertThat(TestDatabase.query("SELECT COUNT(*) FROM audit_entry WHERE remote_address = ?", own)).containsExactly("0");
        soft.assertThat(TestDatabase.query("SELECT COUNT(*) FROM audit_entry WHERE remote_address = ?", staffs)).containsExactly("1");
        soft.assertThat(TestDatabase.query("SELECT target_email FROM coupon WHERE code = ?", code))
                .containsExactly("closed-" + userId + "@closed.invalid");

        HttpResponse<String> enabled = acme.patchJson("/api/v1/users/" + userId, "{\"enabled\":true}", as(ADMIN));
        String newcomer = "revive-" + suffix + "@customers.test";
        HttpResponse<String> invited = acme.postJson("/api/v1/users", "{\"email\":\"" + newcomer
                + "\",\"role\":\"CUSTOMER\",\"displayName\":\"Revived\",\"organizationId\":" + id + "}", as(ADMIN));
        soft.assertThat(enabled.statusCode()).as("%s", enabled.body()).isEqualTo(409);
        soft.assertThat(TestDatabase.query("SELECT enabled FROM app_user WHERE id = ?", userId)).containsExactly("0");
        soft.assertThat(invited.statusCode()).as("%s", invited.body()).isEqualTo(409);
        soft.assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", newcomer)).containsExactly("0");
        soft.assertAll();
    }

    /** Item 2: an API key opens no organization, adds no customer, closes no account. */
    @Test
    void anApiKeyAddsNoPrincipalsAndClosesNoAccount() {
        SoftAssertions soft = new SoftAssertions();
        String suffix = Unique.suffix();
        long customer = created(as(BRIGHT), "Kay Chiave " + suffix, "key-" + suffix + "@customers.test").get("id").asLong();
        String[] adminKey = Http.bearer(key(as(ADMIN), "Admin ERP " + suffix));
        String[] brightKey = Http.bearer(key(as(BRIGHT), "Bright ERP " + suffix));

        HttpResponse<String> organization = acme.postJson("/api/v1/organizations", "{\"kind\":\"VENDOR\",\"name\":\"Key Vendor " + suffix
                + "\",\"userEmail\":\"keyvendor-" + suffix + "@vendors.test\",\"userDisplayName\":\"V\"}", adminKey);
        HttpResponse<String> byAdminKey = create(adminKey, "Key Customer A " + suffix, "key-a-" + suffix + "@customers.test");
        HttpResponse<String> byBrightKey = create(brightKey, "Key Customer B " + suffix, "key-b-" + suffix + "@customers.test");
        HttpResponse<String> closing = acme.post("/api/v1/customers/" + customer + "/closing", adminKey);

        soft.assertThat(organization.statusCode()).as("%s", organization.body()).isEqualTo(403);
        soft.assertThat(byAdminKey.statusCode()).as("%s", byAdminKey.body()).isEqualTo(403);
        soft.assertThat(byBrightKey.statusCode()).as("%s", byBrightKey.body()).isEqualTo(403);
        soft.assertThat(closing.statusCode()).as("%s", closing.body()).isEqualTo(403);
        soft.assertThat(TestDatabase.query("SELECT closed_at FROM organization WHERE id = ?", customer)).containsOnlyNulls();
        soft.assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE name LIKE ?", "Key % " + suffix)).containsExactly("0");
        soft.assertAll();
    }

    /** A documentation address (RFC 3849) no other run used. */
    private static String address(String prefix, String suffix) {
        String hex = String.format("%012x", Long.parseLong(suffix));
        return prefix + ":" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8, 12) + "::1";
    }

    private String key(String[] owner, String name) {
        HttpResponse<String> created = acme.postJson("/api/v1/api-keys", "{\"name\":\"" + name + "\"}", owner);
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        return Http.json(created).get("secret").asText();
    }
}
