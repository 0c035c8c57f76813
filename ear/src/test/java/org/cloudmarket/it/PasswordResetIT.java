package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cloudmarket.it.Accounts.Account;
import org.junit.jupiter.api.Test;

/** Password resets and invitations: no enumeration, single-use expiring links, every session ends on a change. */
class PasswordResetIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");

    @Test
    void anotherTenantNeitherRedeemsNorRequestsThisTenantsResets() {
        Http globex = Http.host("globex.localhost");
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String link = Accounts.link(user, "RESET_PASSWORD", Accounts.FAR_FUTURE);

        HttpResponse<String> onGlobex = globex.putJson("/api/v1/password-resets/" + link, "{\"password\":\"set on another tenant\"}");
        assertThat(onGlobex.statusCode()).as("%s", onGlobex.body()).isEqualTo(422);
        assertThat(Http.json(onGlobex).get("field").asText()).isEqualTo("token");
        assertThat(globex.postJson("/api/v1/password-resets", "{\"email\":\"" + user.email() + "\"}").statusCode()).isEqualTo(202);
        assertThat(TestDatabase.query("""
                SELECT COUNT(*) FROM account_token t JOIN tenant n ON n.id = t.tenant_id
                WHERE n.slug = 'globex' AND t.user_id = ?""", user.id())).as("globex has no such user to mail").containsExactly("0");
        assertThat(acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"set on its own tenant\"}").statusCode())
                .as("the link is still good at home").isEqualTo(204);
    }

    @Test
    void aResetIsAnsweredAlikeForKnownAndUnknownEmails() {
        HttpResponse<String> known = acme.postJson("/api/v1/password-resets", "{\"email\":\"vendor2@acme.test\"}");
        HttpResponse<String> unknown = acme.postJson("/api/v1/password-resets", "{\"email\":\"nobody-" + Unique.suffix() + "@acme.test\"}");

        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM account_token WHERE purpose = 'RESET_PASSWORD' AND used_at IS NULL AND user_id = ?",
                Accounts.userId("vendor2@acme.test"))).containsExactly("1");
    }

    @Test
    void signingInWithAnUnknownEmailOrAWrongPasswordAnswersAlike() {
        HttpResponse<String> unknown = acme.postJson("/api/v1/tokens", "{\"email\":\"nobody-" + Unique.suffix() + "@acme.test\",\"password\":\"x\"}");
        HttpResponse<String> wrong = acme.postJson("/api/v1/tokens", "{\"email\":\"vendor3@acme.test\",\"password\":\"wrong\"}");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void aResetLinkWorksOnceAndNotAfterItExpires() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String link = Accounts.link(user, "RESET_PASSWORD", Accounts.FAR_FUTURE);
        String expired = Accounts.link(user, "RESET_PASSWORD", Accounts.LONG_AGO);

        HttpResponse<String> tooShort = acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"short\"}");
        HttpResponse<String> common = acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"password1234\"}");
        HttpResponse<String> first = acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"a brand new passphrase\"}");
        HttpResponse<String> second = acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"another new passphrase\"}");
        HttpResponse<String> late = acme.putJson("/api/v1/password-resets/" + expired, "{\"password\":\"another new passphrase\"}");
        HttpResponse<String> unknown = acme.putJson("/api/v1/password-resets/no-such-link", "{\"password\":\"another new passphrase\"}");

        assertThat(tooShort.statusCode()).as("%s", tooShort.body()).isEqualTo(422);
        assertThat(Http.json(tooShort).get("field").asText()).isEqualTo("password");
        assertThat(common.statusCode()).as("%s", common.body()).isEqualTo(422);
        assertThat(first.statusCode()).as("a refused password leaves the link usable: %s", first.body()).isEqualTo(204);
        for (HttpResponse<String> refused : new HttpResponse[] {second, late, unknown}) {
            assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(422);
            assertThat(Http.json(refused).get("field").asText()).isEqualTo("token");
        }
        assertThat(Http.json(second).get("detail").asText()).isEqualTo(Http.json(unknown).get("detail").asText());
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + user.email() + "\",\"password\":\"a brand new passphrase\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void anInvitationSetsAPasswordVerifiesTheEmailAndSignsIn() {
        Account invited = Accounts.invite(acme, acme.token("admin@acme.test", "demo"), "VENDOR", Accounts.organizationId("Nimbus Software"));
        assertThat(TestDatabase.query("SELECT email_verified_at FROM app_user WHERE id = ?", invited.id())).containsOnlyNulls();
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + invited.email() + "\",\"password\":\"!invited\"}").statusCode())
                .as("no password before the invitation is followed").isEqualTo(401);
        String link = Accounts.link(invited, "INVITATION", Accounts.FAR_FUTURE);

        HttpResponse<String> set = acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"" + Accounts.PASSWORD + "\"}");

        assertThat(set.statusCode()).as("%s", set.body()).isEqualTo(204);
        assertThat(TestDatabase.query("SELECT email_verified_at FROM app_user WHERE id = ?", invited.id())).doesNotContainNull();
        assertThat(Http.json(acme.get("/api/v1/me", Http.bearer(acme.token(invited.email(), Accounts.PASSWORD)))).get("role").asText())
                .isEqualTo("VENDOR");
    }

    @Test
    void aPasswordChangeEndsTheUsersSessionsAndTokens() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String token = acme.token(user.email(), Accounts.PASSWORD);
        Http browser = Http.host("acme.localhost");
        String cookie = "JSESSIONID=" + WebSessionIT.signIn(browser, user.email(), Accounts.PASSWORD, true);
        assertThat(browser.get("/backoffice/", "Cookie", cookie).statusCode()).isEqualTo(200);

        String link = Accounts.link(user, "RESET_PASSWORD", Accounts.FAR_FUTURE);
        assertThat(acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"a changed passphrase\"}").statusCode()).isEqualTo(204);

        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(browser.get("/backoffice/", "Cookie", cookie).statusCode()).isEqualTo(302);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL", user.id())).containsExactly("0");
        assertThat(TestDatabase.query("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id DESC LIMIT 1", user.id()))
                .containsExactly("PASSWORD_CHANGED");
    }

    @Test
    void theForgotPasswordPageSaysTheSameForAnyEmail() {
        assertThat(acme.get("/login.xhtml").body()).contains("id=\"forgot-password-link\"").contains("/forgot-password.xhtml");

        for (String email : new String[] {"vendor2@acme.test", "nobody-" + Unique.suffix() + "@acme.test"}) {
            Http browser = Http.host("acme.localhost");
            HttpResponse<String> answer = Accounts.submit(browser, "/forgot-password.xhtml", "forgot", "forgot%3Aemail=" + Accounts.encode(email));

            assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("id=\"reset-sent\"").doesNotContain("id=\"forgot:email\"");
        }
    }

    @Test
    void theSetPasswordPageSetsAPasswordAndNamesARefusedOneAtItsField() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String link = Accounts.link(user, "RESET_PASSWORD", Accounts.FAR_FUTURE);
        String page = "/set-password.xhtml?token=" + link;

        HttpResponse<String> refused = Accounts.submit(Http.host("acme.localhost"), page, "password", "password%3Apassword=short");
        HttpResponse<String> done = Accounts.submit(Http.host("acme.localhost"), page, "password", "password%3Apassword=" + Accounts.encode("set on the page itself"));

        assertThat(refused.body()).contains("id=\"password:password\"").doesNotContain("id=\"password-set\"")
                .containsPattern("(?s)ui-message-error.{0,400}12 characters");
        assertThat(done.statusCode()).as("%s", done.body()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"password-set\"").contains("/login.xhtml");
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + user.email() + "\",\"password\":\"set on the page itself\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void anInvitationMailLeadsToTheSetPasswordPageOfTheStorefrontItWasSentFrom() {
        Account invited = Accounts.invite(acme, acme.token("admin@acme.test", "demo"), "SUPERVISOR", null);

        CaughtMail invitation = mail(invited.email(), "invited you", 1);
        String link = invitation.link("/set-password.xhtml?token=");
        String secret = link.substring(link.indexOf("token=") + "token=".length());

        assertThat(link).startsWith("http://acme.localhost:8080/set-password.xhtml?token=");
        assertThat(acme.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()).body()).contains("id=\"password:password\"");
        assertThat(acme.putJson("/api/v1/password-resets/" + secret, "{\"password\":\"" + Accounts.PASSWORD + "\"}").statusCode()).isEqualTo(204);
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + invited.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(acme.putJson("/api/v1/password-resets/" + secret, "{\"password\":\"" + Accounts.PASSWORD + "\"}").statusCode())
                .as("the invitation works once").isEqualTo(422);
    }

    @Test
    void aResetMailGoesOnlyToAnExistingEnabledUserAndItsLinkWorksOnceThenThePasswordChangedMail() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String unknown = "nobody-" + Unique.suffix() + "@acme.test";

        assertThat(acme.postJson("/api/v1/password-resets", "{\"email\":\"" + unknown + "\"}").statusCode()).isEqualTo(202);
        assertThat(acme.postJson("/api/v1/password-resets", "{\"email\":\"" + user.email().toUpperCase() + "\"}").statusCode()).isEqualTo(202);
        CaughtMail reset = mail(user.email(), "Set a new password", 1);
        String secret = reset.link("/set-password.xhtml?token=").replaceFirst(".*token=", "");

        assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE recipient IN (?, SHA2(?, 256))", unknown, unknown)).containsExactly("0");
        assertThat(acme.putJson("/api/v1/password-resets/" + secret, "{\"password\":\"reset by mail passphrase\"}").statusCode()).isEqualTo(204);
        assertThat(acme.putJson("/api/v1/password-resets/" + secret, "{\"password\":\"reset by mail again\"}").statusCode()).isEqualTo(422);
        assertThat(mail(user.email(), "was changed", 2).text()).as("the second change: the invitation's, then the reset's").isNotBlank();
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + user.email() + "\",\"password\":\"reset by mail passphrase\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aDisabledUserGetsNoResetMail() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String admin = acme.token("admin@acme.test", "demo");
        assertThat(acme.patchJson("/api/v1/users/" + user.id(), "{\"enabled\":false}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        String outboxBefore = TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE recipient IN (?, SHA2(?, 256))",
                user.email(), user.email()).get(0);

        assertThat(acme.postJson("/api/v1/password-resets", "{\"email\":\"" + user.email() + "\"}").statusCode()).isEqualTo(202);

        assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE recipient IN (?, SHA2(?, 256))", user.email(), user.email()))
                .containsExactly(outboxBefore);
    }

    /** The n-th mail (from 1) to {@code recipient} whose subject contains {@code subject}, waiting up to 30 seconds. */
    private static CaughtMail mail(String recipient, String subject, int occurrence) {
        return MailCatcher.awaitMails(recipient, mail -> mail.subject().contains(subject), occurrence, Duration.ofSeconds(30))
                .get(occurrence - 1);
    }
}
