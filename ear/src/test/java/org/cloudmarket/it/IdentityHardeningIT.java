package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.cloudmarket.it.Accounts.Account;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's identity items: links and resets through a custom domain, API keys that cannot act as
 * people, credentials that stay dead (password change, disabling), customers' tokens and sessions
 * at their store only, throttled reset mails, and one redemption per link.
 */
class IdentityHardeningIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http platform = Http.host("platform.localhost");

    @Test
    void throughACustomDomainStaffGetLinksOnTheTenantsOwnHostAndCannotUseThemThere() {
        String domain = "shop" + System.nanoTime() + ".cloudy-partners.example";
        String txtName = approve(domain);
        try {
            Http custom = Http.host(domain);
            Account staff = Accounts.withPassword(acme, "SUPERVISOR", null);
            String customer = SignUpIT.newCustomer(Http.host("cloudy.acme.localhost"));

            assertThat(custom.postJson("/api/v1/password-resets", "{\"email\":\"" + staff.email() + "\"}").statusCode()).isEqualTo(202);
            assertThat(custom.postJson("/api/v1/password-resets", "{\"email\":\"" + customer + "\"}").statusCode()).isEqualTo(202);

            assertThat(MailCatcher.awaitLink(staff.email(), "/set-password.xhtml?token=", Duration.ofSeconds(30)))
                    .as("a staff member's link never points at a host the reseller controls")
                    .startsWith("http://acme.localhost:8080/set-password.xhtml?token=");
            assertThat(MailCatcher.awaitLink(customer, "/set-password.xhtml?token=", Duration.ofSeconds(30)))
                    .as("a customer's stays on the domain it buys on").startsWith("http://" + domain + ":8080/set-password.xhtml?token=");

            String brights = SignUpIT.newCustomer(Http.host("reseller.acme.localhost"));
            assertThat(custom.postJson("/api/v1/password-resets", "{\"email\":\"" + brights + "\"}").statusCode()).isEqualTo(202);
            String brightsLink = MailCatcher.awaitLink(brights, "/set-password.xhtml?token=", Duration.ofSeconds(30));
            assertThat(brightsLink).as("another seller's customer gets its link at its own store, never on Cloudy's domain")
                    .startsWith("http://reseller.acme.localhost:8080/set-password.xhtml?token=");
            String brightsToken = brightsLink.substring(brightsLink.indexOf("token=") + 6);
            assertThat(custom.putJson("/api/v1/password-resets/" + brightsToken, "{\"password\":\"set through a rival's domain\"}")
                    .statusCode()).as("nor can it be redeemed there").isEqualTo(422);
            assertThat(Http.host("reseller.acme.localhost").putJson("/api/v1/password-resets/" + brightsToken,
                    "{\"password\":\"set at its own store\"}").statusCode()).isEqualTo(204);

            String link = Accounts.link(staff, "RESET_PASSWORD", Accounts.FAR_FUTURE);
            HttpResponse<String> onCustom = custom.putJson("/api/v1/password-resets/" + link, "{\"password\":\"set through a custom domain\"}");
            assertThat(onCustom.statusCode()).as("%s", onCustom.body()).isEqualTo(422);
            assertThat(Http.json(onCustom).get("field").asText()).isEqualTo("token");
            assertThat(acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"set on the tenant's host\"}").statusCode())
                    .as("the refused attempt left the link usable on the tenant's own host").isEqualTo(204);
        } finally {
            DnsStub.remove(txtName);
            TestDatabase.update("DELETE FROM storefront_host WHERE host = ?", domain);
            TestDatabase.update("DELETE FROM custom_domain WHERE host = ?", domain);
        }
    }

    @Test
    void anAdminsApiKeyCannotActAsAnyone() {
        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/api-keys", "{\"name\":\"ERP " + Unique.suffix() + "\"}", Http.bearer(admin));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        String key = Http.json(created).get("secret").asText();
        long vendor = Accounts.userId("vendor2@acme.test");
        try {
            HttpResponse<String> refused = acme.postJson("/api/v1/impersonations", "{\"userId\":" + vendor + "}", Http.bearer(key));

            assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(403);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND impersonator_id IN "
                    + "(SELECT user_id FROM api_key WHERE id = ?)", vendor, Http.json(created).at("/key/id").asLong())).containsExactly("0");
        } finally {
            acme.delete("/api/v1/api-keys/" + Http.json(created).at("/key/id").asLong(), Http.bearer(admin));
        }
    }

    @Test
    void aPasswordChangeEndsTheImpersonationsTheUserRuns() {
        Account supervisor = Accounts.withPassword(acme, "SUPERVISOR", null);
        String acting = impersonate(acme.token(supervisor.email(), Accounts.PASSWORD), Accounts.userId("vendor2@acme.test"));
        assertThat(acme.get("/api/v1/me", Http.bearer(acting)).statusCode()).isEqualTo(200);

        String link = Accounts.link(supervisor, "RESET_PASSWORD", Accounts.FAR_FUTURE);
        assertThat(acme.putJson("/api/v1/password-resets/" + link, "{\"password\":\"a changed passphrase\"}").statusCode()).isEqualTo(204);

        assertThat(acme.get("/api/v1/me", Http.bearer(acting)).statusCode()).as("the impersonation it started").isEqualTo(401);
    }

    @Test
    void disablingThenEnablingLeavesTheOldTokensSessionsAndImpersonationsDead() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        String token = acme.token(user.email(), Accounts.PASSWORD);
        String acting = impersonate(token, Accounts.userId("vendor2@acme.test"));
        Http browser = Http.host("acme.localhost");
        String cookie = "JSESSIONID=" + WebSessionIT.signIn(browser, user.email(), Accounts.PASSWORD, true);
        String admin = acme.token("admin@acme.test", "demo");

        assertThat(acme.patchJson("/api/v1/users/" + user.id(), "{\"enabled\":false}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(acme.patchJson("/api/v1/users/" + user.id(), "{\"enabled\":true}", Http.bearer(admin)).statusCode()).isEqualTo(200);

        assertThat(acme.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(acme.get("/api/v1/me", Http.bearer(acting)).statusCode()).isEqualTo(401);
        assertThat(browser.get("/backoffice/", "Cookie", cookie).statusCode()).isEqualTo(302);
        assertThat(acme.token(user.email(), Accounts.PASSWORD)).as("it signs in afresh").isNotBlank();
    }

    @Test
    void settingAPasswordEndsTheOtherKindOfLinkToo() {
        String admin = acme.token("admin@acme.test", "demo");
        Account byReset = Accounts.invite(acme, admin, "SUPERVISOR", null);
        String invitation = Accounts.link(byReset, "INVITATION", Accounts.FAR_FUTURE);
        String reset = Accounts.link(byReset, "RESET_PASSWORD", Accounts.FAR_FUTURE);
        Account byInvitation = Accounts.invite(acme, admin, "SUPERVISOR", null);
        String invitation2 = Accounts.link(byInvitation, "INVITATION", Accounts.FAR_FUTURE);
        String reset2 = Accounts.link(byInvitation, "RESET_PASSWORD", Accounts.FAR_FUTURE);

        assertThat(acme.putJson("/api/v1/password-resets/" + reset, "{\"password\":\"set by the reset link\"}").statusCode()).isEqualTo(204);
        assertThat(acme.putJson("/api/v1/password-resets/" + invitation2, "{\"password\":\"set by the invitation\"}").statusCode())
                .isEqualTo(204);

        assertThat(acme.putJson("/api/v1/password-resets/" + invitation, "{\"password\":\"a later invitation\"}").statusCode())
                .as("the unused invitation after a reset").isEqualTo(422);
        assertThat(acme.putJson("/api/v1/password-resets/" + reset2, "{\"password\":\"a later reset\"}").statusCode())
                .as("the unused reset after the invitation").isEqualTo(422);
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + byReset.email() + "\",\"password\":\"set by the reset link\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aCustomersSessionDoesNotSignItInOnAnotherStorefront() {
        Http store = Http.host("reseller.acme.localhost");
        String cookie = "JSESSIONID=" + WebSessionIT.signIn(store, "customer@acme.test", "demo", true);
        assertThat(store.get("/account/export", "Cookie", cookie).statusCode()).isEqualTo(200);

        assertThat(Http.host("cloudy.acme.localhost").get("/account/export", "Cookie", cookie).statusCode())
                .as("the session carried to another store of the tenant").isIn(302, 401, 403);
    }

    @Test
    void aFourthResetInTheWindowSendsNothingAndIsAnsweredAlike() {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        Account other = Accounts.withPassword(acme, "SUPERVISOR", null);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = acme.postJson("/api/v1/password-resets", "{\"email\":\"" + user.email() + "\"}");
            assertThat(answer.statusCode()).isEqualTo(202);
            answers.add(answer.body());
        }
        assertThat(acme.postJson("/api/v1/password-resets", "{\"email\":\"" + other.email() + "\"}").statusCode()).isEqualTo(202);

        assertThat(answers).as("throttled or not, the same answer").containsOnly(answers.get(0));
        assertThat(resetLinks(user)).as("three links were made, the fourth request made none").isEqualTo(3);
        assertThat(resetLinks(other)).as("another e-mail from the same address still gets its mail").isEqualTo(1);
    }

    @Test
    void twoParallelRedemptionsOfOneLinkSetOnePassword() throws Exception {
        Account user = Accounts.withPassword(acme, "SUPERVISOR", null);
        for (int round = 0; round < 5; round++) {
            String link = Accounts.link(user, "RESET_PASSWORD", Accounts.FAR_FUTURE);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String password = "parallel passphrase " + round + "-" + i;
                puts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return Http.host("acme.localhost").putJson("/api/v1/password-resets/" + link, "{\"password\":\"" + password + "\"}")
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> put : puts) {
                statuses.add(put.get());
            }
            assertThat(statuses).as("round %s", round).containsExactlyInAnyOrder(204, 422);
        }
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM audit_entry WHERE action = 'PASSWORD_CHANGED' AND subject_id = ?", user.id()))
                .as("the invitation's and one per round").containsExactly("6");
    }

    private static int resetLinks(Account user) {
        return Integer.parseInt(TestDatabase.query("SELECT COUNT(*) FROM account_token WHERE purpose = 'RESET_PASSWORD' AND user_id = ?",
                user.id()).get(0));
    }

    private String impersonate(String token, long targetId) {
        HttpResponse<String> started = acme.postJson("/api/v1/impersonations", "{\"userId\":" + targetId + "}", Http.bearer(token));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(201);
        return Http.json(started).get("token").asText();
    }

    /** An approved custom domain of Cloudy Partners' storefront (as CustomDomainIT sets one up); the TXT record's name. */
    private String approve(String domain) {
        HttpResponse<String> asked = acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}",
                Http.bearer(acme.token("reseller2@acme.test", "demo")));
        assertThat(asked.statusCode()).as("%s", asked.body()).isEqualTo(200);
        String operator = platform.token("superadmin@platform.test", "demo");
        for (JsonNode request : Http.json(asked).get("domainRequests")) {
            if (request.get("host").asText().equals(domain)) {
                DnsStub.publishTxt(request.get("txtName").asText(), request.get("txtValue").asText());
                for (JsonNode pending : Http.json(platform.get("/api/v1/platform/custom-domains", Http.bearer(operator)))) {
                    if (pending.get("host").asText().equals(domain)) {
                        assertThat(platform.post("/api/v1/platform/custom-domains/" + pending.get("id").asLong() + "/approve",
                                Http.bearer(operator)).statusCode()).isEqualTo(204);
                        return request.get("txtName").asText();
                    }
                }
            }
        }
        throw new AssertionError(domain + " was not asked for: " + asked.body());
    }
}
