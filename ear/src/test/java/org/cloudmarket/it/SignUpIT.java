package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A visitor signs up on a storefront and becomes a customer of its seller (DOMAIN, "Channel
 * customers"), verifies its e-mail by a single-use, expiring link, and signs in only on its
 * seller's storefronts. No answer tells whether an e-mail already has an account.
 */
class SignUpIT extends EarIT {

    /** The password of every account these tests sign up: long, and on no list of common ones. */
    static final String PASSWORD = "a long and unusual passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final Http acme = Http.host("acme.localhost");
    private final Http bright = Http.host("reseller.acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    @Test
    void aSignUpOnCloudysStorefrontMakesACustomerOfCloudyPartners() {
        String email = newEmail();

        HttpResponse<String> response = cloudy.postJson("/api/v1/customers", signUp(email).toString());

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        assertThat(TestDatabase.query("""
                SELECT CONCAT(u.role, ' ', o.kind, ' under ', p.name, ' in ', t.slug, ' verified ', u.email_verified_at IS NOT NULL)
                FROM app_user u JOIN organization o ON o.id = u.organization_id JOIN organization p ON p.id = o.parent_id
                JOIN tenant t ON t.id = u.tenant_id WHERE u.email = ?""", email))
                .containsExactly("CUSTOMER CUSTOMER under Cloudy Partners in acme verified 0");
        assertThat(TestDatabase.query("""
                SELECT CONCAT(o.party_kind, ' ', o.legal_name, ' ', o.country, ' ', o.vat_number) FROM app_user u
                JOIN organization o ON o.id = u.organization_id WHERE u.email = ?""", email))
                .as("the billing details, the VAT number with its prefix").containsExactly("COMPANY Muster " + email + " GmbH DE DE123456789");
        assertThat(TestDatabase.query("""
                SELECT COUNT(*) FROM account_token a JOIN app_user u ON u.id = a.user_id WHERE u.email = ? AND a.purpose = 'VERIFY_EMAIL'
                AND a.used_at IS NULL AND a.expires_at > UTC_TIMESTAMP(6)""", email)).as("a verification link").containsExactly("1");
        CaughtMail mail = MailCatcher.await(email, MAIL_WAIT);
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address for Cloudy Partners Shop");
        assertThat(mail.link("/verify-email.xhtml")).startsWith("http://cloudy.acme.localhost:8080/verify-email.xhtml?token=");
    }

    @Test
    void aSignUpOnTheMarketplacesStorefrontMakesACustomerOfTheTenantItself() {
        String email = newEmail();

        assertThat(acme.postJson("/api/v1/customers", signUp(email).toString()).statusCode()).isEqualTo(202);

        assertThat(TestDatabase.query("""
                SELECT CONCAT(o.kind, ' parent ', COALESCE(o.parent_id, 'none'), ' in ', t.slug) FROM app_user u
                JOIN organization o ON o.id = u.organization_id JOIN tenant t ON t.id = u.tenant_id WHERE u.email = ?""", email))
                .containsExactly("CUSTOMER parent none in acme");
    }

    @Test
    void aKnownEmailGetsTheSameAnswerAsANewOneAndNothingIsWritten() {
        String email = newEmail();
        HttpResponse<String> first = cloudy.postJson("/api/v1/customers", signUp(email).toString());
        MailCatcher.await(email, MAIL_WAIT);
        int rossisMails = MailCatcher.received("customer@acme.test").size();

        HttpResponse<String> again = cloudy.postJson("/api/v1/customers", signUp(email).put("name", "Someone Else " + email).toString());
        HttpResponse<String> demo = bright.postJson("/api/v1/customers", signUp("customer@acme.test").toString());

        assertThat(List.of(first.statusCode(), again.statusCode(), demo.statusCode())).containsExactly(202, 202, 202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(demo.body()).isEqualTo(first.body());
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", email)).containsExactly("1");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE name = ?", "Someone Else " + email)).containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE legal_name = ?", "Muster customer@acme.test GmbH"))
                .containsExactly("0");
        assertThat(TestDatabase.query("""
                SELECT COUNT(*) FROM account_token a JOIN app_user u ON u.id = a.user_id WHERE u.email = ? AND a.used_at IS NULL""", email))
                .as("no second link for the known e-mail").containsExactly("1");
        assertThat(awaitMails(email, 2).get(1).subject()).as("the owner is told instead")
                .isEqualTo("You already have an account at Cloudy Partners Shop");
        CaughtMail toRossi = awaitMails("customer@acme.test", rossisMails + 1).get(rossisMails);
        assertThat(toRossi.subject()).as("in its store's language").isEqualTo("Hai gi\u00e0 un account su Bright Cloud Store");
        assertThat(toRossi.link("/login.xhtml")).startsWith("http://reseller.acme.localhost:8080/");
        assertThat(toRossi.text()).contains("Carlo Customer");
    }

    @Test
    void badInputIsA422NamingTheFieldAndWritesNothing() {
        Map<String, ObjectNode> cases = new LinkedHashMap<>();
        String email = newEmail();
        cases.put("vatNumber", signUp(email).put("vatNumber", "DE12345678"));
        cases.put("vatNumber ", signUp(email).put("country", "IT").put("vatNumber", "IT01234567890").put("fiscalCode", "01234567890")
                .put("sdiCode", "M5UXCR1"));
        cases.put("password", signUp(email).put("password", "too short"));
        cases.put("password ", signUp(email).put("password", "Password1234"));
        cases.put("city", signUp(email).putNull("city"));
        cases.put("fiscalCode", signUp(email).put("country", "IT").put("vatNumber", "IT01234567897").put("sdiCode", "M5UXCR1"));
        cases.put("sdiCode", signUp(email).put("country", "IT").put("vatNumber", "IT01234567897").put("fiscalCode", "01234567897"));
        cases.put("country", signUp(email).put("country", "XX"));
        cases.put("acceptTerms", signUp(email).put("acceptTerms", false));
        cases.put("acceptTerms ", (ObjectNode) signUp(email).without("acceptTerms"));
        cases.put("email", signUp("not-an-address"));

        cases.forEach((field, body) -> {
            HttpResponse<String> refused = cloudy.postJson("/api/v1/customers", body.toString());
            assertThat(refused.statusCode()).as("%s: %s", field, refused.body()).isEqualTo(422);
            assertThat(Http.json(refused).get("field").asText()).as(refused.body()).isEqualTo(field.strip());
        });
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email IN (?, 'not-an-address')", email)).containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM organization WHERE legal_name LIKE ?", "%" + email + "%")).containsExactly("0");
    }

    @Test
    void aValidItalianCompanySignsUpWithItsFiscalCodeAndSdiCode() {
        String email = newEmail();

        HttpResponse<String> response = bright.postJson("/api/v1/customers", signUp(email).put("country", "it").put("vatNumber", "01234567897")
                .put("fiscalCode", "01234567897").put("sdiCode", "m5uxcr1").toString());

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        assertThat(TestDatabase.query("""
                SELECT CONCAT(o.vat_number, ' ', o.fiscal_code, ' ', o.sdi_code, ' under ', p.name) FROM app_user u
                JOIN organization o ON o.id = u.organization_id JOIN organization p ON p.id = o.parent_id WHERE u.email = ?""", email))
                .containsExactly("IT01234567897 01234567897 M5UXCR1 under Bright IT Reseller");
    }

    @Test
    void aVerificationLinkWorksOnceAndAnUnverifiedCustomerSignsIn() {
        String email = newCustomer(cloudy);
        String token = cloudy.token(email, PASSWORD);
        assertThat(Http.json(cloudy.get("/api/v1/me", Http.bearer(token))).get("emailVerified").asBoolean()).as("unverified").isFalse();
        String link = verificationToken(email);

        HttpResponse<String> verified = cloudy.postJson("/api/v1/email-verifications", "{\"token\":\"" + link + "\"}");
        HttpResponse<String> again = cloudy.postJson("/api/v1/email-verifications", "{\"token\":\"" + link + "\"}");

        assertThat(verified.statusCode()).as("%s", verified.body()).isEqualTo(204);
        assertThat(Http.json(cloudy.get("/api/v1/me", Http.bearer(token))).get("emailVerified").asBoolean()).isTrue();
        assertThat(again.statusCode()).as("%s", again.body()).isEqualTo(422);
        assertThat(Http.json(again).get("field").asText()).isEqualTo("token");
    }

    @Test
    void anExpiredVerificationLinkVerifiesNothing() {
        String email = newCustomer(cloudy);
        String link = verificationToken(email);
        TestDatabase.update("UPDATE account_token SET expires_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE token_hash = SHA2(?, 256)", link);

        HttpResponse<String> refused = cloudy.postJson("/api/v1/email-verifications", "{\"token\":\"" + link + "\"}");

        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(422);
        assertThat(Http.json(refused).get("field").asText()).isEqualTo("token");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ? AND email_verified_at IS NULL", email)).containsExactly("1");
        assertThat(cloudy.postJson("/api/v1/email-verifications", "{\"token\":\"no such link\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void theVerificationPageVerifiesOnlyWhenItsButtonIsPressed() {
        String email = newCustomer(cloudy);
        String link = verificationToken(email);
        Http visitor = Http.host("cloudy.acme.localhost");

        HttpResponse<String> opened = visitor.get("/verify-email.xhtml?token=" + link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("id=\"verify:submit\"").doesNotContain("id=\"verified\"");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ? AND email_verified_at IS NULL", email))
                .as("a prefetched link verifies nothing").containsExactly("1");

        HttpResponse<String> pressed = visitor.postForm("/verify-email.xhtml", "verify=verify&verify%3Atoken=" + encode(link)
                + "&verify%3Asubmit=&jakarta.faces.ViewState=" + encode(viewState(opened.body())));

        assertThat(pressed.statusCode()).as("%s", pressed.body()).isEqualTo(200);
        assertThat(pressed.body()).contains("id=\"verified\"");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ? AND email_verified_at IS NOT NULL", email)).containsExactly("1");
    }

    @Test
    void aCustomerOnAnotherStorefrontIsToldWhereItsStoreIsButOnlyWithItsPassword() {
        HttpResponse<String> onMarketplace = acme.postJson("/api/v1/tokens", "{\"email\":\"customer@acme.test\",\"password\":\"demo\"}");
        HttpResponse<String> onCloudy = cloudy.postJson("/api/v1/tokens", "{\"email\":\"customer@acme.test\",\"password\":\"demo\"}");
        HttpResponse<String> wrongPassword = acme.postJson("/api/v1/tokens", "{\"email\":\"customer@acme.test\",\"password\":\"guess\"}");
        HttpResponse<String> page = WebSessionIT.postLogin(Http.host("acme.localhost"), "customer@acme.test", "demo", true, "");

        assertThat(onMarketplace.statusCode()).as("%s", onMarketplace.body()).isEqualTo(403);
        assertThat(Http.json(onMarketplace).get("detail").asText()).contains("http://reseller.acme.localhost:8080/");
        assertThat(onCloudy.statusCode()).isEqualTo(403);
        assertThat(Http.json(onCloudy).get("detail").asText()).contains("http://reseller.acme.localhost:8080/");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain("reseller.acme.localhost").contains("Invalid email or password");
        assertThat(page.statusCode()).as("the login page signs nobody in").isEqualTo(200);
        assertThat(page.body()).contains("http://reseller.acme.localhost:8080/");
        assertThat(bright.token("customer@acme.test", "demo")).as("at its own store").isNotBlank();

        String marketplaceCustomer = newCustomer(acme);
        HttpResponse<String> elsewhere = bright.postJson("/api/v1/tokens", "{\"email\":\"" + marketplaceCustomer + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(elsewhere.statusCode()).as("%s", elsewhere.body()).isEqualTo(403);
        assertThat(Http.json(elsewhere).get("detail").asText()).contains("http://acme.localhost:8080/");
        assertThat(acme.token(marketplaceCustomer, PASSWORD)).isNotBlank();
    }

    @Test
    void aDistributorsStorefrontTakesNoSignUps() {
        String host = "alpine" + Unique.suffix() + ".acme.localhost";
        String storefront = distributorStorefront(host);
        try {
            String email = newEmail();

            HttpResponse<String> refused = Http.host(host).postJson("/api/v1/customers", signUp(email).toString());

            assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(403);
            assertThat(Http.json(refused).get("detail").asText()).contains("distributor");
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", email)).containsExactly("0");
            assertThat(Http.host(host).get("/signup.xhtml").body()).contains("distributor").doesNotContain("id=\"signup:submit\"");
        } finally {
            TestDatabase.update("DELETE FROM storefront_host WHERE storefront_id = ?", storefront);
            TestDatabase.update("DELETE FROM storefront WHERE id = ?", storefront);
        }
    }

    @Test
    void globexKnowsNothingOfAnAcmeSignUp() {
        String email = newCustomer(acme);
        Http globex = Http.host("globex.localhost");

        HttpResponse<String> signIn = globex.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        HttpResponse<String> signUp = globex.postJson("/api/v1/customers", signUp(email).toString());

        assertThat(signIn.statusCode()).as("%s", signIn.body()).isEqualTo(401);
        assertThat(signUp.statusCode()).isEqualTo(202);
        assertThat(TestDatabase.query("SELECT t.slug FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.email = ? ORDER BY t.slug", email))
                .as("a globex account of its own").containsExactly("acme", "globex");
    }

    @Test
    void theSignUpPageShowsTheTermsAndItalysFieldsAndAMessagePerField() {
        Http visitor = Http.host("cloudy.acme.localhost");
        HttpResponse<String> page = visitor.get("/signup.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"signup:kind\"", "id=\"signup:name\"", "id=\"signup:email\"", "id=\"signup:password\"",
                        "id=\"signup:country\"", "id=\"signup:vatNumber\"", "id=\"signup:acceptTerms\"", "id=\"signup:submit\"",
                        "By ordering you accept the terms of Cloudy Partners Shop")
                .doesNotContain("id=\"signup:fiscalCode\"");
        assertThat(visitor.get("/login.xhtml").body()).contains("id=\"signup-link\"", "href=\"/signup.xhtml\"");
        String email = newEmail();

        HttpResponse<String> italian = postSignUp(visitor, page.body(), Map.of("signup:kind", "COMPANY", "signup:name", "Rossi " + email,
                "signup:email", email, "signup:password", PASSWORD, "signup:address", "Via Roma 1", "signup:postalCode", "20121",
                "signup:country", "IT", "signup:vatNumber", "IT01234567897"));
        assertThat(italian.body()).contains("id=\"signup:fiscalCode\"", "id=\"signup:sdiCode\"", "id=\"signup:pec\"", "city is required")
                .doesNotContain("id=\"signup-done\"");

        HttpResponse<String> done = postSignUp(visitor, italian.body(), Map.ofEntries(Map.entry("signup:kind", "COMPANY"),
                Map.entry("signup:name", "Rossi " + email), Map.entry("signup:email", email), Map.entry("signup:password", PASSWORD),
                Map.entry("signup:address", "Via Roma 1"), Map.entry("signup:postalCode", "20121"), Map.entry("signup:city", "Milano"),
                Map.entry("signup:country", "IT"), Map.entry("signup:vatNumber", "IT01234567897"),
                Map.entry("signup:fiscalCode", "01234567897"), Map.entry("signup:sdiCode", "M5UXCR1"), Map.entry("signup:acceptTerms", "on")));
        assertThat(done.body()).contains("id=\"signup-done\"");
        assertThat(TestDatabase.query("""
                SELECT CONCAT(o.sdi_code, ' under ', p.name) FROM app_user u JOIN organization o ON o.id = u.organization_id
                JOIN organization p ON p.id = o.parent_id WHERE u.email = ?""", email)).containsExactly("M5UXCR1 under Cloudy Partners");
    }

    @Test
    void anUnverifiedCustomersPagesOfferANewLink() {
        String email = newCustomer(cloudy);
        Http customer = Http.host("cloudy.acme.localhost");
        WebSessionIT.signIn(customer, email, PASSWORD, true);

        HttpResponse<String> page = customer.get("/backoffice/");
        assertThat(page.body()).contains("id=\"verifyNotice:resend\"");
        HttpResponse<String> resent = customer.postForm("/backoffice/index.xhtml", "verifyNotice=verifyNotice&verifyNotice%3Aresend="
                + "&jakarta.faces.ViewState=" + encode(viewState(page.body())));

        assertThat(resent.statusCode()).as("%s", resent.body()).isEqualTo(200);
        assertThat(resent.body()).contains("A new link is on its way");
        assertThat(TestDatabase.query("""
                SELECT CONCAT(SUM(a.used_at IS NULL), ' unused of ', COUNT(*)) FROM account_token a JOIN app_user u ON u.id = a.user_id
                WHERE u.email = ? AND a.purpose = 'VERIFY_EMAIL'""", email)).as("the new link ends the first").containsExactly("1 unused of 2");
        assertThat(awaitMails(email, 2).get(1).link("/verify-email.xhtml?token=")).as("a new link by mail")
                .isNotEqualTo(awaitMails(email, 2).get(0).link("/verify-email.xhtml?token="));
    }

    @Test
    void inABrowserTheItalianFieldsAppearWithTheCountryAndTheSignUpIsDone() {
        String email = newEmail();
        try (Browser browser = new Browser()) {
            browser.open("reseller.acme.localhost", "/login.xhtml");
            browser.clickAndWait("#signup-link");
            assertThat(browser.currentPath()).isEqualTo("/signup.xhtml");
            assertThat(browser.has("#signup\\:fiscalCode")).as("not asked outside Italy").isFalse();
            browser.script("var c = document.getElementById('signup:country'); c.value = 'IT'; c.dispatchEvent(new Event('change'));");
            browser.find("#signup\\:fiscalCode");
            browser.type("#signup\\:name", "Mario Rossi");
            browser.type("#signup\\:email", email);
            browser.type("#signup\\:password", PASSWORD);
            browser.type("#signup\\:address", "Via Roma 1");
            browser.type("#signup\\:postalCode", "00184");
            browser.type("#signup\\:city", "Roma");
            browser.type("#signup\\:fiscalCode", "RSSMRA85T10A562S");
            browser.type("#signup\\:pec", "mario.rossi@pec.example.it");
            browser.screenshot("signup-bright-italian");
            browser.clickAndWait("#signup\\:submit");
            assertThat(browser.has("#signup-done")).as("the terms were not accepted").isFalse();
            browser.screenshot("signup-bright-terms-not-accepted");
            browser.find("#signup\\:acceptTerms").click();
            browser.type("#signup\\:password", PASSWORD); // a password field is never sent back
            browser.clickAndWait("#signup\\:submit");

            assertThat(browser.find("#signup-done").getText()).contains("Controlla la posta");
            browser.screenshot("signup-bright-done");
        }
        assertThat(TestDatabase.query("""
                SELECT CONCAT(o.party_kind, ' ', o.fiscal_code, ' ', o.pec, ' under ', p.name) FROM app_user u
                JOIN organization o ON o.id = u.organization_id JOIN organization p ON p.id = o.parent_id WHERE u.email = ?""", email))
                .containsExactly("PERSON RSSMRA85T10A562S mario.rossi@pec.example.it under Bright IT Reseller");
    }

    @Test
    void signUpsWithOneEmailAreThrottledLikeResetsAndAnsweredAlike() {
        String email = newEmail();
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            HttpResponse<String> response = cloudy.postJson("/api/v1/customers", signUp(email).toString());
            answers.add(response.statusCode() + " " + response.body());
        }

        assertThat(answers).as("the throttled fourth is answered as the others").containsOnly(answers.get(0));
        assertThat(answers.get(0)).startsWith("202 ");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE recipient IN (?, SHA2(?, 256))", email, email))
                .as("a verification mail, two ACCOUNT_EXISTS mails, and nothing for the fourth").containsExactly("3");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM app_user WHERE email = ?", email)).containsExactly("1");
    }

    /** A new customer signed up on the host, with password {@link #PASSWORD}: its e-mail. */
    static String newCustomer(Http storefront) {
        String email = newEmail();
        HttpResponse<String> response = storefront.postJson("/api/v1/customers", signUp(email).toString());
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        return email;
    }

    private static String newEmail() {
        return "signup-" + Unique.suffix() + "@customers.example";
    }

    /** A German company: valid anywhere but Italy, which asks for more. */
    private static ObjectNode signUp(String email) {
        return JSON.createObjectNode().put("kind", "COMPANY").put("name", "Muster " + email + " GmbH").put("email", email)
                .put("password", PASSWORD).put("address", "Hauptstrasse 5").put("city", "Berlin").put("postalCode", "10115")
                .put("country", "DE").put("vatNumber", "DE 123 456 789").put("acceptTerms", true);
    }

    /** The token of the newest verification link mailed to the address (a mail scanner would see only the link). */
    private static String verificationToken(String email) {
        String link = MailCatcher.await(email, MAIL_WAIT).link("/verify-email.xhtml?token=");
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    /** The mails to the address, oldest first, once there are at least {@code count}. */
    private static List<CaughtMail> awaitMails(String email, int count) {
        return MailCatcher.awaitMails(email, mail -> true, count, MAIL_WAIT);
    }

    /** A storefront of Alpine Distribution at the host, copied from Bright IT's; its id. */
    private static String distributorStorefront(String host) {
        List<String> columns = TestDatabase.query("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'storefront'
                AND column_name NOT IN ('id', 'owner_id', 'name')""");
        String copied = String.join(", ", columns);
        String selected = String.join(", ", columns.stream().map(column -> "s." + column).toList());
        assertThat(TestDatabase.update("INSERT INTO storefront (owner_id, name, " + copied + ") SELECT alpine.id, ?, " + selected
                + " FROM storefront s JOIN organization bright ON bright.id = s.owner_id AND bright.name = 'Bright IT Reseller'"
                + " JOIN organization alpine ON alpine.tenant_id = s.tenant_id AND alpine.name = 'Alpine Distribution'", "Alpine " + host))
                .isEqualTo(1);
        String id = TestDatabase.query("SELECT id FROM storefront WHERE name = ?", "Alpine " + host).get(0);
        TestDatabase.update("INSERT INTO storefront_host (host, tenant_id, storefront_id) SELECT ?, tenant_id, id FROM storefront WHERE id = ?",
                host, id);
        return id;
    }

    private static HttpResponse<String> postSignUp(Http visitor, String page, Map<String, String> fields) {
        StringBuilder form = new StringBuilder("signup=signup&signup%3Asubmit=");
        fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
        form.append("&jakarta.faces.ViewState=").append(encode(viewState(page)));
        HttpResponse<String> response = visitor.postForm("/signup.xhtml", form.toString());
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return response;
    }

    private static String viewState(String page) {
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).as("the page carries a view state").isTrue();
        return viewState.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
