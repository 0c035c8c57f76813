package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.cloudmarket.it.Accounts.Account;
import org.junit.jupiter.api.Test;

/** The users API and API keys: who may invite and change whom, disabling at once, keys per organization. */
class UserAdministrationIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void anAdminCannotCreateOrPromoteASuperAdmin() {
        String admin = acme.token("admin@acme.test", "demo");
        Account supervisor = Accounts.invite(acme, admin, "SUPERVISOR", null);

        HttpResponse<String> created = acme.postJson("/api/v1/users",
                "{\"email\":\"" + Accounts.uniqueEmail("root") + "\",\"role\":\"SUPER_ADMIN\",\"displayName\":\"Root\"}", Http.bearer(admin));
        HttpResponse<String> promoted = acme.patchJson("/api/v1/users/" + supervisor.id(), "{\"role\":\"SUPER_ADMIN\"}", Http.bearer(admin));

        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(403);
        assertThat(promoted.statusCode()).as("%s", promoted.body()).isEqualTo(403);
        assertThat(TestDatabase.query("SELECT role FROM app_user WHERE id = ?", supervisor.id())).containsExactly("SUPERVISOR");
    }

    @Test
    void anAdminInvitesChangesAndIsAuditedAndADuplicateEmailIsAConflict() {
        String admin = acme.token("admin@acme.test", "demo");
        Account invited = Accounts.invite(acme, admin, "SUPERVISOR", null);

        HttpResponse<String> duplicate = acme.postJson("/api/v1/users", "{\"email\":\"" + invited.email().toUpperCase()
                + "\",\"role\":\"SUPERVISOR\",\"displayName\":\"Twice\"}", Http.bearer(admin));
        HttpResponse<String> changed = acme.patchJson("/api/v1/users/" + invited.id(),
                "{\"role\":\"ADMIN\",\"displayName\":\"Renamed Admin\"}", Http.bearer(admin));
        HttpResponse<String> misfit = acme.patchJson("/api/v1/users/" + invited.id(), "{\"role\":\"VENDOR\"}", Http.bearer(admin));
        HttpResponse<String> selfDisabled = acme.patchJson("/api/v1/users/" + Accounts.userId("admin@acme.test"),
                "{\"enabled\":false}", Http.bearer(admin));

        assertThat(duplicate.statusCode()).as("%s", duplicate.body()).isEqualTo(409);
        assertThat(Http.json(duplicate).get("field").asText()).isEqualTo("email");
        assertThat(changed.statusCode()).as("%s", changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).get("role").asText()).isEqualTo("ADMIN");
        assertThat(Http.json(changed).get("displayName").asText()).isEqualTo("Renamed Admin");
        assertThat(misfit.statusCode()).as("%s", misfit.body()).isEqualTo(422);
        assertThat(Http.json(misfit).get("field").asText()).isEqualTo("role");
        assertThat(selfDisabled.statusCode()).as("%s", selfDisabled.body()).isEqualTo(403);
        assertThat(TestDatabase.query("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id", invited.id()))
                .containsExactly("USER_CREATED", "USER_ROLE_CHANGED");
        assertThat(Http.json(acme.get("/api/v1/users", Http.bearer(admin))).findValuesAsText("email")).contains(invited.email());
    }

    @Test
    void aSupervisorReadsUsersButMayNotInviteOrChangeThem() {
        String supervisor = acme.token("supervisor@acme.test", "demo");
        long vendorId = Accounts.userId("vendor2@acme.test");

        HttpResponse<String> list = acme.get("/api/v1/users", Http.bearer(supervisor));
        HttpResponse<String> post = acme.postJson("/api/v1/users",
                "{\"email\":\"" + Accounts.uniqueEmail("nope") + "\",\"role\":\"SUPERVISOR\",\"displayName\":\"Nope\"}", Http.bearer(supervisor));
        HttpResponse<String> patch = acme.patchJson("/api/v1/users/" + vendorId, "{\"enabled\":false}", Http.bearer(supervisor));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Http.json(list).findValuesAsText("email")).contains("admin@acme.test", "vendor2@acme.test");
        assertThat(post.statusCode()).as("%s", post.body()).isEqualTo(403);
        assertThat(patch.statusCode()).as("%s", patch.body()).isEqualTo(403);
        assertThat(TestDatabase.query("SELECT enabled FROM app_user WHERE id = ?", vendorId)).containsExactly("1");
    }

    @Test
    void aResellerManagesItsCustomersUsersButAnotherSellersAreNotFound() {
        long rossi = Accounts.organizationId("Rossi Costruzioni");
        String bright = acme.token("reseller@acme.test", "demo");
        String cloudy = acme.token("reseller2@acme.test", "demo");
        Account rossiColleague = Accounts.invite(acme, bright, "CUSTOMER", rossi);

        HttpResponse<String> cloudyCreates = acme.postJson("/api/v1/users", "{\"email\":\"" + Accounts.uniqueEmail("intruder")
                + "\",\"role\":\"CUSTOMER\",\"displayName\":\"Intruder\",\"organizationId\":" + rossi + "}", Http.bearer(cloudy));
        HttpResponse<String> cloudyReads = acme.get("/api/v1/users/" + rossiColleague.id(), Http.bearer(cloudy));
        HttpResponse<String> cloudyDisables = acme.patchJson("/api/v1/users/" + rossiColleague.id(), "{\"enabled\":false}", Http.bearer(cloudy));
        List<String> cloudySees = Http.json(acme.get("/api/v1/users", Http.bearer(cloudy))).findValuesAsText("email");
        List<String> brightSees = Http.json(acme.get("/api/v1/users", Http.bearer(bright))).findValuesAsText("email");

        assertThat(cloudyCreates.statusCode()).as("%s", cloudyCreates.body()).isEqualTo(404);
        assertThat(cloudyReads.statusCode()).as("%s", cloudyReads.body()).isEqualTo(404);
        assertThat(cloudyDisables.statusCode()).as("%s", cloudyDisables.body()).isEqualTo(404);
        assertThat(cloudySees).contains("reseller2@acme.test").doesNotContain("customer@acme.test", rossiColleague.email(), "reseller@acme.test");
        assertThat(brightSees).contains("reseller@acme.test", "customer@acme.test", rossiColleague.email())
                .doesNotContain("reseller2@acme.test", "admin@acme.test");
        assertThat(acme.get("/api/v1/users/" + rossiColleague.id(), Http.bearer(bright)).statusCode()).isEqualTo(200);
    }

    @Test
    void globexsAdminTokenIsRefusedOnAcme() {
        String globexAdmin = globex.token("admin@globex.test", "demo");

        HttpResponse<String> post = acme.postJson("/api/v1/users",
                "{\"email\":\"" + Accounts.uniqueEmail("globex") + "\",\"role\":\"SUPERVISOR\",\"displayName\":\"G\"}", Http.bearer(globexAdmin));
        HttpResponse<String> list = acme.get("/api/v1/users", Http.bearer(globexAdmin));

        assertThat(post.statusCode()).as("%s", post.body()).isEqualTo(401);
        assertThat(list.statusCode()).as("%s", list.body()).isEqualTo(401);
    }

    @Test
    void aDisabledUsersTokenAndSessionStopAtOnceAndReenablingWorks() {
        String admin = acme.token("admin@acme.test", "demo");
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String token = acme.token(user.email(), Accounts.PASSWORD);
        Http browser = Http.host("acme.localhost");
        String cookie = "JSESSIONID=" + WebSessionIT.signIn(browser, user.email(), Accounts.PASSWORD, true);
        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(200);
        assertThat(browser.get("/backoffice/", "Cookie", cookie).statusCode()).isEqualTo(200);

        assertThat(acme.patchJson("/api/v1/users/" + user.id(), "{\"enabled\":false}", Http.bearer(admin)).statusCode()).isEqualTo(200);

        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(browser.get("/backoffice/", "Cookie", cookie).statusCode()).isEqualTo(302);
        assertThat(acme.patchJson("/api/v1/users/" + user.id(), "{\"enabled\":true}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(acme.get("/api/v1/me", Http.bearer(acme.token(user.email(), Accounts.PASSWORD))).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.query("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id", user.id()))
                .containsSubsequence("USER_CREATED", "USER_DISABLED", "USER_ENABLED");
    }

    @Test
    void aCompanyCustomerInvitesColleaguesAndAPersonCustomerCannot() {
        long rossi = Accounts.organizationId("Rossi Costruzioni");
        String kindBefore = TestDatabase.query("SELECT party_kind FROM organization WHERE id = ?", rossi).get(0);
        String legalNameBefore = TestDatabase.query("SELECT legal_name FROM organization WHERE id = ?", rossi).get(0);
        Http store = Http.host("reseller.acme.localhost"); // Rossi's seller's storefront, where it signs in
        String customer = store.token("customer@acme.test", "demo");
        try {
            partyKind(rossi, "PERSON");
            HttpResponse<String> asPerson = store.postJson("/api/v1/users", "{\"email\":\"" + Accounts.uniqueEmail("colleague")
                    + "\",\"role\":\"CUSTOMER\",\"displayName\":\"Colleague\"}", Http.bearer(customer));
            partyKind(rossi, "COMPANY");
            Account colleague = Accounts.invite(store, customer, "CUSTOMER", null);

            assertThat(asPerson.statusCode()).as("%s", asPerson.body()).isEqualTo(403);
            assertThat(TestDatabase.query("SELECT organization_id FROM app_user WHERE id = ?", colleague.id())).containsExactly(Long.toString(rossi));
            assertThat(Http.json(store.get("/api/v1/users", Http.bearer(customer))).findValuesAsText("email"))
                    .contains("customer@acme.test", colleague.email()).doesNotContain("reseller@acme.test");
        } finally {
            TestDatabase.update("UPDATE organization SET party_kind = ?, legal_name = ? WHERE id = ?", kindBefore, legalNameBefore, rossi);
        }
    }

    /** Billing details of this kind (the kind counts once a legal name is there too, BillingDetails#isPresent). */
    private static void partyKind(long organizationId, String kind) {
        TestDatabase.update("UPDATE organization SET party_kind = ?, legal_name = COALESCE(legal_name, name) WHERE id = ?", kind, organizationId);
    }

    @Test
    void anOrganizationIsOpenedWithItsFirstUserByTheAdminOnly() {
        String admin = acme.token("admin@acme.test", "demo");
        long alpine = Accounts.organizationId("Alpine Distribution");
        String name = "Test Reseller " + Unique.suffix();
        String email = Accounts.uniqueEmail("first");

        HttpResponse<String> opened = acme.postJson("/api/v1/organizations", "{\"kind\":\"RESELLER\",\"name\":\"" + name + "\",\"parentId\":"
                + alpine + ",\"userEmail\":\"" + email + "\",\"userDisplayName\":\"First User\"}", Http.bearer(admin));
        HttpResponse<String> customer = acme.postJson("/api/v1/organizations", "{\"kind\":\"CUSTOMER\",\"name\":\"X\",\"userEmail\":\""
                + Accounts.uniqueEmail("x") + "\",\"userDisplayName\":\"X\"}", Http.bearer(admin));
        HttpResponse<String> byReseller = acme.postJson("/api/v1/organizations", "{\"kind\":\"VENDOR\",\"name\":\"Y\",\"userEmail\":\""
                + Accounts.uniqueEmail("y") + "\",\"userDisplayName\":\"Y\"}", Http.bearer(acme.token("reseller@acme.test", "demo")));

        assertThat(opened.statusCode()).as("%s", opened.body()).isEqualTo(201);
        JsonNode body = Http.json(opened);
        assertThat(body.at("/organization/parentId").asLong()).isEqualTo(alpine);
        assertThat(body.at("/user/role").asText()).isEqualTo("RESELLER");
        assertThat(body.at("/user/email").asText()).isEqualTo(email);
        assertThat(customer.statusCode()).as("%s", customer.body()).isEqualTo(422);
        assertThat(Http.json(customer).get("field").asText()).isEqualTo("kind");
        assertThat(byReseller.statusCode()).as("%s", byReseller.body()).isEqualTo(403);
        assertThat(Http.json(acme.get("/api/v1/organizations", Http.bearer(acme.token("supervisor@acme.test", "demo")))).findValuesAsText("name"))
                .contains(name);
        assertThat(TestDatabase.query("SELECT purpose FROM account_token WHERE user_id = ?", body.at("/user/id").asLong()))
                .containsExactly("INVITATION");
    }

    @Test
    void anApiKeyActsWithItsOrganizationsRoleUntilRevokedAndOnlyItsHashIsStored() {
        String bright = acme.token("reseller@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/api-keys", "{\"name\":\"ERP " + Unique.suffix() + "\"}", Http.bearer(bright));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        String secret = Http.json(created).get("secret").asText();
        long keyId = Http.json(created).at("/key/id").asLong();

        JsonNode me = Http.json(acme.get("/api/v1/me", Http.bearer(secret)));
        String listed = acme.get("/api/v1/api-keys", Http.bearer(bright)).body();
        String cloudyList = acme.get("/api/v1/api-keys", Http.bearer(acme.token("reseller2@acme.test", "demo"))).body();
        HttpResponse<String> cloudyRevokes = acme.delete("/api/v1/api-keys/" + keyId, Http.bearer(acme.token("reseller2@acme.test", "demo")));
        HttpResponse<String> onGlobex = globex.get("/api/v1/me", Http.bearer(secret));
        HttpResponse<String> mintsMore = acme.postJson("/api/v1/api-keys", "{\"name\":\"more\"}", Http.bearer(secret));
        List<String> adminSeesUsers = Http.json(acme.get("/api/v1/users", Http.bearer(acme.token("admin@acme.test", "demo")))).findValuesAsText("email");

        assertThat(me.get("role").asText()).isEqualTo("RESELLER");
        assertThat(listed).contains("\"id\":" + keyId).doesNotContain(secret);
        assertThat(cloudyList).doesNotContain("\"id\":" + keyId);
        assertThat(cloudyRevokes.statusCode()).as("%s", cloudyRevokes.body()).isEqualTo(404);
        assertThat(onGlobex.statusCode()).isEqualTo(401);
        assertThat(mintsMore.statusCode()).as("%s", mintsMore.body()).isEqualTo(403);
        assertThat(adminSeesUsers).noneMatch(email -> email.endsWith("@api-keys.invalid"));
        assertThat(TestDatabase.query("SELECT key_hash FROM api_key WHERE id = ?", keyId))
                .containsExactly(TestDatabase.query("SELECT SHA2(?, 256)", secret).get(0));
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM api_key WHERE key_hash = ? OR name = ?", secret, secret)).containsExactly("0");

        assertThat(acme.delete("/api/v1/api-keys/" + keyId, Http.bearer(bright)).statusCode()).isEqualTo(204);
        assertThat(acme.get("/api/v1/me", Http.bearer(secret)).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminsKeyActsAsTheTenantsAdminAndASupervisorHasNone() {
        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/api-keys", "{\"name\":\"Reports " + Unique.suffix() + "\"}", Http.bearer(admin));
        String secret = Http.json(created).get("secret").asText();

        assertThat(Http.json(acme.get("/api/v1/me", Http.bearer(secret))).get("role").asText()).isEqualTo("ADMIN");
        assertThat(acme.get("/api/v1/audit-entries?limit=1", Http.bearer(secret)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/api-keys", "{\"name\":\"x\"}", Http.bearer(acme.token("supervisor@acme.test", "demo"))).statusCode())
                .isEqualTo(403);
        assertThat(acme.delete("/api/v1/api-keys/" + Http.json(created).at("/key/id").asLong(), Http.bearer(admin)).statusCode()).isEqualTo(204);
    }

    @Test
    void theUsersPageListsAndInvitesAndASupervisorOnlyReads() {
        Http adminBrowser = Http.host("acme.localhost");
        String admin = "JSESSIONID=" + WebSessionIT.signIn(adminBrowser, "admin@acme.test", "demo", true);
        String email = Accounts.uniqueEmail("page");
        String form = "invite%3Aemail=" + Accounts.encode(email) + "&invite%3AdisplayName=Page+Invitee&invite%3Arole=SUPERVISOR&invite%3Aorganization=";

        HttpResponse<String> invited = Accounts.submit(adminBrowser, "/backoffice/users.xhtml", "invite", form, "Cookie", admin);
        HttpResponse<String> twice = Accounts.submit(adminBrowser, "/backoffice/users.xhtml", "invite", form, "Cookie", admin);
        Http supervisorBrowser = Http.host("acme.localhost");
        String supervisor = "JSESSIONID=" + WebSessionIT.signIn(supervisorBrowser, "supervisor@acme.test", "demo", true);
        String supervisorPage = supervisorBrowser.get("/backoffice/users.xhtml", "Cookie", supervisor).body();
        Http brightBrowser = Http.host("acme.localhost");
        String bright = "JSESSIONID=" + WebSessionIT.signIn(brightBrowser, "reseller@acme.test", "demo", true);
        String brightPage = brightBrowser.get("/backoffice/users.xhtml", "Cookie", bright).body();

        assertThat(invited.statusCode()).as("%s", invited.body()).isEqualTo(200);
        assertThat(invited.body()).contains("id=\"users\"").contains(email).contains("id=\"invite:email\"").contains("id=\"usersLink\"");
        assertThat(TestDatabase.query("SELECT role FROM app_user WHERE email = ?", email)).containsExactly("SUPERVISOR");
        assertThat(twice.body()).containsPattern("(?s)id=\"invite:email\".{0,600}already has an account");
        assertThat(supervisorPage).contains("id=\"users\"").contains(email).doesNotContain("id=\"invite:email\"");
        assertThat(brightPage).contains("customer@acme.test").contains("reseller@acme.test").doesNotContain("reseller2@acme.test", email);
    }

    @Test
    void theApiKeysPageShowsANewKeyOnceAndItWorks() {
        Http browser = Http.host("acme.localhost");
        String bright = "JSESSIONID=" + WebSessionIT.signIn(browser, "reseller@acme.test", "demo", true);
        String name = "Usage pusher " + Unique.suffix();

        HttpResponse<String> created = Accounts.submit(browser, "/backoffice/api-keys.xhtml", "apiKey", "apiKey%3Aname=" + Accounts.encode(name),
                "Cookie", bright);

        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(200);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("<code id=\"secret\">([^<]+)</code>").matcher(created.body());
        assertThat(shown.find()).as("the new key's secret on the page").isTrue();
        String secret = shown.group(1);
        assertThat(Http.json(acme.get("/api/v1/me", Http.bearer(secret))).get("role").asText()).isEqualTo("RESELLER");
        String reloaded = browser.get("/backoffice/api-keys.xhtml", "Cookie", bright).body();
        assertThat(reloaded).contains(name).doesNotContain(secret);
        assertThat(acme.delete("/api/v1/api-keys/" + TestDatabase.query("SELECT id FROM api_key WHERE name = ?", name).get(0),
                Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode()).isEqualTo(204);
    }

    @Test
    void aCompanyCustomersColleaguesPageListsThemAndOthersAreRefused() {
        long rossi = Accounts.organizationId("Rossi Costruzioni");
        String kindBefore = TestDatabase.query("SELECT party_kind FROM organization WHERE id = ?", rossi).get(0);
        String legalNameBefore = TestDatabase.query("SELECT legal_name FROM organization WHERE id = ?", rossi).get(0);
        try {
            partyKind(rossi, "COMPANY");
            Http store = Http.host("reseller.acme.localhost");
            String customer = "JSESSIONID=" + WebSessionIT.signIn(store, "customer@acme.test", "demo", true);
            String email = Accounts.uniqueEmail("colleague");

            HttpResponse<String> invited = Accounts.submit(store, "/account/users.xhtml", "invite",
                    "invite%3Aemail=" + Accounts.encode(email) + "&invite%3AdisplayName=Page+Colleague", "Cookie", customer);
            Http vendorBrowser = Http.host("acme.localhost");
            String vendor = "JSESSIONID=" + WebSessionIT.signIn(vendorBrowser, "vendor2@acme.test", "demo", true);

            assertThat(invited.statusCode()).as("%s", invited.body()).isEqualTo(200);
            assertThat(invited.body()).contains("id=\"users\"").contains("customer@acme.test").contains(email);
            assertThat(TestDatabase.query("SELECT organization_id FROM app_user WHERE email = ?", email)).containsExactly(Long.toString(rossi));
            assertThat(vendorBrowser.get("/account/users.xhtml", "Cookie", vendor).statusCode()).isEqualTo(403);
        } finally {
            TestDatabase.update("UPDATE organization SET party_kind = ?, legal_name = ? WHERE id = ?", kindBefore, legalNameBefore, rossi);
        }
    }
}
