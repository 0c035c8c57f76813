package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The platform operator opens marketplaces: the new storefront answers at once at its own
 * sub-domain in the default theme, its first admin is invited by mail to the new host, the tenant
 * is empty and isolated, bad input and taken slugs are refused by field and leave nothing behind,
 * and only the SUPER_ADMIN on the platform's host may. Every slug here is new (never the plain
 * {@code initech} of the lead's walk); the tenants are deleted again after the class.
 */
class PlatformTenantsIT extends EarIT {

    private static final List<String> CREATED = new ArrayList<>();

    private final Http platform = Http.host("platform.localhost");
    private final Http acme = Http.host("acme.localhost");

    @AfterAll
    static void deleteTheTenantsOpenedHere() {
        CREATED.forEach(TestDatabase::deleteTenant);
    }

    @Test
    void theSuperAdminOpensAMarketplaceThatAnswersAtOnceInTheDefaultTheme() {
        String slug = slug();
        Http storefront = Http.host(slug + ".localhost");
        assertThat(storefront.get("/").statusCode()).as("no marketplace answers there yet").isEqualTo(404);
        String operator = operator();

        HttpResponse<String> created = create(operator, slug, "Initech " + slug, "USD", "America/Chicago", "en", "bill@" + slug + ".test");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode tenant = Http.json(created);
        assertThat(tenant.get("slug").asText()).isEqualTo(slug);
        assertThat(tenant.get("name").asText()).isEqualTo("Initech " + slug);
        assertThat(tenant.get("url").asText()).isEqualTo("http://" + slug + ".localhost:8080");
        assertThat(tenant.get("currency").asText()).isEqualTo("USD");
        assertThat(tenant.get("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(tenant.get("locale").asText()).isEqualTo("en");
        assertThat(tenant.get("adminEmail").asText()).isEqualTo("bill@" + slug + ".test");

        HttpResponse<String> home = storefront.get("/");
        assertThat(home.statusCode()).as("the unknown host's 404 was not kept").isEqualTo(200);
        assertThat(home.body()).contains("Initech " + slug).contains("primefaces-saga-blue");
        assertThat(Http.json(platform.get("/api/v1/platform/tenants", Http.bearer(operator))).findValuesAsText("slug"))
                .contains(slug, "acme", "globex", "platform");
        JsonNode audit = Http.json(platform.get("/api/v1/audit-entries?limit=20", Http.bearer(operator)));
        assertThat(audit.findParents("action")).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("TENANT_CREATED");
            assertThat(entry.get("subject").asText()).isEqualTo(slug);
            assertThat(entry.get("actor").asText()).isEqualTo("superadmin@platform.test");
            assertThat(entry.get("channel").asText()).isEqualTo("API");
        });
    }

    @Test
    void theFirstAdminIsInvitedByAMailThatLinksToTheNewHost() {
        String slug = slug();
        String admin = "ada@" + slug + ".test";
        assertThat(create(operator(), slug, "Iniziativa " + slug, "EUR", "Europe/Rome", "it", admin).statusCode()).isEqualTo(201);

        var mail = MailCatcher.await(admin, Duration.ofSeconds(30));

        String link = mail.link("/set-password.xhtml");
        assertThat(link).startsWith("http://" + slug + ".localhost:8080/set-password.xhtml?token=");
        assertThat(mail.text()).as("branded with the new storefront").contains("Iniziativa " + slug);
        assertThat(TestDatabase.query("SELECT t.purpose FROM account_token t JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.user_id"
                + " WHERE u.email = ? AND t.used_at IS NULL", admin)).containsExactly("INVITATION");
    }

    @Test
    void theNewTenantIsEmptyAndIsolated() {
        String slug = slug();
        String admin = "admin@" + slug + ".test";
        assertThat(create(operator(), slug, "Initech " + slug, "EUR", "UTC", "en", admin).statusCode()).isEqualTo(201);
        String tenantId = TestDatabase.query("SELECT id FROM tenant WHERE slug = ?", slug).get(0);
        Http storefront = Http.host(slug + ".localhost");

        assertThat(TestDatabase.query("SELECT CONCAT(email, ' ', role) FROM app_user WHERE tenant_id = ?", tenantId))
                .containsExactly(admin + " ADMIN");
        for (String table : List.of("organization", "product", "plan", "price_list", "coupon", "message", "category")) {
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenantId)).as(table).containsExactly("0");
        }
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM storefront WHERE tenant_id = ? AND owner_id IS NULL", tenantId)).containsExactly("1");
        assertThat(Http.json(storefront.get("/api/v1/catalog")).toString()).doesNotContain("Nimbus");

        String acmeAdmin = acme.token("admin@acme.test", "demo");
        assertThat(storefront.get("/api/v1/me", Http.bearer(acmeAdmin)).statusCode()).as("acme's token on the new host").isEqualTo(401);
        assertThat(storefront.postJson("/api/v1/tokens", "{\"email\":\"admin@acme.test\",\"password\":\"demo\"}").statusCode())
                .as("acme's admin is nobody there").isEqualTo(401);

        // the admin's own password is set by the invitation's page (h/users); here it gets the demo's
        TestDatabase.update("UPDATE app_user SET password_hash = (SELECT h FROM (SELECT password_hash h FROM app_user"
                + " WHERE email = 'admin@acme.test') demo) WHERE tenant_id = ?", tenantId);
        String newAdmin = storefront.token(admin, "demo");
        assertThat(Http.json(storefront.get("/api/v1/users", Http.bearer(newAdmin))).findValuesAsText("email")).containsExactly(admin);
        assertThat(acme.get("/api/v1/users", Http.bearer(newAdmin)).statusCode()).as("its token on acme").isEqualTo(401);
        assertThat(acme.get("/api/v1/me", Http.bearer(newAdmin)).statusCode()).isEqualTo(401);
    }

    @Test
    void eachBadFieldIsAnUnprocessableEntityNamingItAndCreatesNothing() {
        String operator = operator();
        String slug = slug();
        String tenantsBefore = TestDatabase.query("SELECT COUNT(*) FROM tenant").get(0);
        Map<String, List<String>> bad = Map.of(
                "slug", List.of("", "x", "9lives", "Init ech", "init_ech", "www", "platform", "api", "admin", "mail", "static"),
                "name", List.of("", "   ", "n".repeat(201)),
                "currency", List.of("", "EURO", "XAU", "ZZZ"),
                "timeZone", List.of("", "Mars/Olympus", "+01:00"),
                "locale", List.of("", "de", "en-US"),
                "adminEmail", List.of("", "bill", "bill@initech", "bill @initech.test"));

        bad.forEach((field, values) -> values.forEach(value -> {
            Map<String, String> body = new java.util.HashMap<>(Map.of("slug", slug, "name", "Initech", "currency", "EUR",
                    "timeZone", "UTC", "locale", "en", "adminEmail", "bill@" + slug + ".test"));
            body.put(field, value);
            HttpResponse<String> refused = platform.postJson("/api/v1/platform/tenants", json(body), Http.bearer(operator));
            if (refused.statusCode() == 201) {
                remember(body.get("slug")); // a broken build's tenant is deleted after the class all the same
            }
            assertThat(refused.statusCode()).as("%s=%s: %s", field, value, refused.body()).isEqualTo(422);
            assertThat(Http.json(refused).get("field").asText()).as("%s=%s", field, value).isEqualTo(field);
        }));
        HttpResponse<String> missing = platform.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\"}", Http.bearer(operator));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(Http.json(missing).get("field").asText()).isEqualTo("name");

        assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant").get(0)).as("tenants").isEqualTo(tenantsBefore);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", "bill@" + slug + ".test")).containsExactly("0");
        assertThat(Http.host(slug + ".localhost").get("/").statusCode()).isEqualTo(404);
    }

    @Test
    void aTakenSlugIsAConflictNamingIt() {
        String operator = operator();
        for (String taken : List.of("acme", "globex")) {
            HttpResponse<String> refused = create(operator, taken, "Another " + taken, "EUR", "UTC", "en", "x@" + taken + ".example");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(Http.json(refused).get("field").asText()).isEqualTo("slug");
        }
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email IN ('x@acme.example', 'x@globex.example')"))
                .containsExactly("0");
    }

    @Test
    void twoParallelRequestsForOneSlugGiveOneMarketplaceAndOneConflict() throws Exception {
        String operator = operator();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String slug = slug();
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String admin = "admin" + i + "@" + slug + ".test";
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return create(operator, slug, "Race " + slug, "EUR", "UTC", "en", admin);
                    }, pool));
                }
                start.countDown();
                List<HttpResponse<String>> done = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> answer : answers) {
                    done.add(answer.get(60, TimeUnit.SECONDS));
                }

                assertThat(done).extracting(HttpResponse::statusCode).as("round %d: %s", round, done.stream().map(HttpResponse::body).toList())
                        .containsExactlyInAnyOrder(201, 409);
                HttpResponse<String> conflict = done.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
                assertThat(Http.json(conflict).get("field").asText()).isEqualTo("slug");
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant WHERE slug = ?", slug)).containsExactly("1");
                String tenantId = TestDatabase.query("SELECT id FROM tenant WHERE slug = ?", slug).get(0);
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE tenant_id = ?", tenantId)).containsExactly("1");
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email LIKE ?", "%@" + slug + ".test"))
                        .as("the loser's admin exists nowhere").containsExactly("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The second step (filling the tenant, as the tenant) fails at its last write, injected by a
     * trigger: the tenant registered in the first step is withdrawn, so nothing of it is left, and
     * asking again for the same slug succeeds.
     */
    @Test
    void aFailureWhileFillingTheTenantLeavesNoHalfMadeTenantAndARetrySucceeds() {
        String slug = slug();
        String operator = operator();
        String admin = "admin@" + slug + ".test";
        remember(slug); // whatever a broken build leaves of it is deleted after the class
        String auditLinesBefore = TestDatabase.query("SELECT COUNT(*) FROM audit_entry WHERE action = 'TENANT_CREATED'").get(0);
        TestDatabase.update("CREATE TRIGGER fail_" + slug + " BEFORE INSERT ON account_token FOR EACH ROW"
                + " IF (SELECT slug FROM tenant WHERE id = NEW.tenant_id) = '" + slug + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected by PlatformTenantsIT'; END IF");
        HttpResponse<String> failed;
        try {
            failed = create(operator, slug, "Initech " + slug, "EUR", "UTC", "en", admin);
        } finally {
            TestDatabase.update("DROP TRIGGER fail_" + slug);
        }

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(failed.body()).contains("Incident").doesNotContain("SQLException", "injected");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant WHERE slug = ?", slug)).as("tenant row").containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", admin)).containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM storefront_host WHERE host = ?", slug + ".localhost")).containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM audit_entry WHERE action = 'TENANT_CREATED'"))
                .as("the withdrawn creation's audit line").containsExactly(auditLinesBefore);
        assertThat(Http.host(slug + ".localhost").get("/").statusCode()).isEqualTo(404);

        HttpResponse<String> retried = create(operator, slug, "Initech " + slug, "EUR", "UTC", "en", admin);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(Http.host(slug + ".localhost").get("/").body()).contains("Initech " + slug);
    }

    @Test
    void onlyTheSuperAdminOnThePlatformsHostOpensMarketplaces() {
        String slug = slug();
        String body = json(Map.of("slug", slug, "name", "Initech", "currency", "EUR", "timeZone", "UTC", "locale", "en",
                "adminEmail", "bill@" + slug + ".test"));
        String acmeAdmin = acme.token("admin@acme.test", "demo");
        String operator = operator();
        remember(slug);

        assertThat(acme.postJson("/api/v1/platform/tenants", body, Http.bearer(acmeAdmin)).statusCode()).as("acme's ADMIN").isEqualTo(403);
        assertThat(acme.get("/api/v1/platform/tenants", Http.bearer(acmeAdmin)).statusCode()).isEqualTo(403);
        assertThat(platform.postJson("/api/v1/platform/tenants", body).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(platform.get("/api/v1/platform/tenants").statusCode()).isEqualTo(401);
        assertThat(acme.postJson("/api/v1/platform/tenants", body, Http.bearer(operator)).statusCode())
                .as("the platform's token on acme's host").isEqualTo(401);
        assertThat(platform.postJson("/api/v1/platform/tenants", body, Http.bearer(acmeAdmin)).statusCode())
                .as("acme's token on the platform's host").isEqualTo(401);
        String badName = body.replace("\"name\":\"Initech\"", "\"name\":\"\"");
        assertThat(platform.postJson("/api/v1/platform/tenants", badName).statusCode()).as("anonymous, bad input: no rule is told")
                .isEqualTo(401);
        assertThat(acme.postJson("/api/v1/platform/tenants", badName, Http.bearer(acmeAdmin)).statusCode()).as("acme's ADMIN, bad input")
                .isEqualTo(403);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant WHERE slug = ?", slug)).containsExactly("0");
    }

    @Test
    void deleteTenantRemovesEveryRowOfATestTenantAndNeverTheDemos() {
        String slug = slug();
        assertThat(create(operator(), slug, "Initech " + slug, "EUR", "UTC", "en", "admin@" + slug + ".test").statusCode()).isEqualTo(201);
        String tenantId = TestDatabase.query("SELECT id FROM tenant WHERE slug = ?", slug).get(0);
        List<String> tables = TestDatabase.query("SELECT table_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND column_name = 'tenant_id'");

        TestDatabase.deleteTenant(slug);

        assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant WHERE id = ?", tenantId)).containsExactly("0");
        for (String table : tables) {
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenantId)).as(table).containsExactly("0");
        }
        for (String kept : List.of("acme", "globex", "platform")) {
            assertThatThrownBy(() -> TestDatabase.deleteTenant(kept)).isInstanceOf(IllegalArgumentException.class);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM tenant WHERE slug = ?", kept)).containsExactly("1");
        }
    }

    @Test
    void theOperatorOpensAMarketplaceFromTheBackOffice() {
        String slug = slug();
        try (Browser browser = new Browser()) {
            browser.open("platform.localhost", "/backoffice/tenants.xhtml");
            browser.type("#login\\:email", "superadmin@platform.test");
            browser.type("#login\\:password", "demo");
            browser.clickAndWait("#login\\:submit");
            assertThat(browser.currentPath()).isEqualTo("/backoffice/tenants.xhtml");
            assertThat(browser.has("#tenantsLink")).as("the nav entry").isTrue();

            browser.type("#tenant\\:slug", slug);
            browser.type("#tenant\\:name", "Initech " + slug);
            new Select(browser.find("#tenant\\:currency")).selectByValue("GBP");
            new Select(browser.find("#tenant\\:timeZone")).selectByValue("Europe/London");
            new Select(browser.find("#tenant\\:locale")).selectByValue("en");
            browser.type("#tenant\\:adminEmail", "peter@" + slug + ".test");
            browser.clickAndWait("#tenant\\:submit");
            remember(slug);

            assertThat(browser.find("#tenants").getText()).contains("Initech " + slug).contains("GBP").contains("Europe/London");
            assertThat(browser.find("#storefront-" + slug).getAttribute("href")).isEqualTo("http://" + slug + ".localhost:8080/");
            browser.screenshot("backoffice-tenants");

            browser.type("#tenant\\:slug", "www");
            browser.type("#tenant\\:name", "Taken");
            browser.type("#tenant\\:adminEmail", "x@www.test");
            browser.clickAndWait("#tenant\\:submit");
            assertThat(browser.find("#tenant\\:messages").getText()).contains("slug");

            browser.open(slug + ".localhost", "/");
            assertThat(browser.find("#storefrontName").getText()).isEqualTo("Initech " + slug);
            browser.screenshot("storefront-new-marketplace");
        }
    }

    @Test
    void nobodyButTheSuperAdminSeesTheMarketplacesPage() {
        try (Browser browser = new Browser()) {
            browser.open("acme.localhost", "/login.xhtml");
            browser.type("#login\\:email", "admin@acme.test");
            browser.type("#login\\:password", "demo");
            browser.clickAndWait("#login\\:submit");
            assertThat(browser.has("#tenantsLink")).as("acme's admin has no nav entry").isFalse();

            browser.open("acme.localhost", "/backoffice/tenants.xhtml");
            assertThat(browser.has("#tenant\\:slug")).as("the form").isFalse();
            assertThat(browser.text()).containsIgnoringCase("not allowed");
        }
        assertThat(platform.get("/backoffice/tenants.xhtml").statusCode()).as("anonymous: to the sign-in").isEqualTo(302);
    }

    private HttpResponse<String> create(String operator, String slug, String name, String currency, String zone, String locale,
                                        String adminEmail) {
        HttpResponse<String> answer = platform.postJson("/api/v1/platform/tenants", json(Map.of("slug", slug, "name", name,
                "currency", currency, "timeZone", zone, "locale", locale, "adminEmail", adminEmail)), Http.bearer(operator));
        if (answer.statusCode() == 201) {
            remember(slug);
        }
        return answer;
    }

    private static void remember(String slug) {
        synchronized (CREATED) {
            CREATED.add(slug);
        }
    }

    private String operator() {
        return platform.token("superadmin@platform.test", "demo");
    }

    /** initech and digits: a slug no run used before, never the walk's plain {@code initech}. */
    private static String slug() {
        return "initech" + Unique.suffix();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return json.append('}').toString();
    }

    private static void await(CountDownLatch start) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
