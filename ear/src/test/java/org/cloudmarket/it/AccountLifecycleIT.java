package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins follow the account as it is now, not as it was at sign-in: a disabled user's session
 * and tokens stop working at once, expired tokens are refused, and an impersonation ends when
 * its impersonator is disabled.
 */
class AccountLifecycleIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");

    @Test
    void aDisabledUsersTokenIsRefusedAtOnce() {
        String email = newAdmin();
        String token = acme.token(email, "demo");
        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(200);

        disable(email);

        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"demo\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledUsersBrowserSessionEndsAtOnce() {
        String email = newAdmin();
        String session = WebSessionIT.signIn(acme, email, "demo", true);
        assertThat(acme.get("/backoffice/", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);

        disable(email);

        HttpResponse<String> after = acme.get("/backoffice/", "Cookie", "JSESSIONID=" + session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Http bright = Http.host("reseller.acme.localhost"); // Rossi's store
        String token = bright.token("customer@acme.test", "demo");
        TestDatabase.update("UPDATE api_token SET expires_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE token_hash = SHA2(?, 256)", token);

        HttpResponse<String> response = bright.get("/api/v1/me", Http.bearer(token));

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(401);
    }

    @Test
    void anImpersonationEndsWhenItsImpersonatorIsDisabled() {
        String email = newAdmin();
        String adminToken = acme.token(email, "demo");
        long customerId = IdentityApiIT.idOf(acme, adminToken, "customer@acme.test");
        String acting = Http.json(acme.postJson("/api/v1/impersonations", "{\"userId\":" + customerId + "}",
                Http.bearer(adminToken))).get("token").asText();
        assertThat(acme.get("/api/v1/me", Http.bearer(acting)).statusCode()).isEqualTo(200);

        disable(email);

        assertThat(acme.get("/api/v1/me", Http.bearer(acting)).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        String email = newAdmin();
        for (int i = 0; i < 5; i++) {
            assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"guess" + i + "\"}").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> locked = acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"demo\"}");

        assertThat(locked.statusCode()).as("%s", locked.body()).isEqualTo(429);
        assertThat(Http.json(locked).get("detail").asText()).contains("Too many failed sign-ins");
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"admin@acme.test\",\"password\":\"demo\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void theLoginPageSaysWhenAnAccountIsLocked() {
        String email = newAdmin();
        for (int i = 0; i < 5; i++) {
            acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"guess" + i + "\"}");
        }

        HttpResponse<String> page = WebSessionIT.postLogin(Http.host("acme.localhost"), email, "demo", true, "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Too many failed sign-ins").doesNotContain("Welcome");
    }

    /** A fresh ADMIN of acme with password "demo", so disabling it touches no other test. */
    static String newAdmin() {
        String email = "admin-" + UUID.randomUUID() + "@acme.test";
        int created = TestDatabase.update("""
                INSERT INTO app_user (tenant_id, email, display_name, role, password_hash, enabled, created_at, version)
                SELECT tenant_id, ?, 'Temporary Admin', 'ADMIN', password_hash, TRUE, UTC_TIMESTAMP(6), 0
                FROM app_user WHERE email = 'admin@acme.test'""", email);
        assertThat(created).isEqualTo(1);
        return email;
    }

    private static void disable(String email) {
        assertThat(TestDatabase.update("UPDATE app_user SET enabled = FALSE WHERE email = ?", email)).isEqualTo(1);
    }
}
